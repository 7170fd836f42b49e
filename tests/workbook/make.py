#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Workbooks written part by part with Python's zipfile, as Excel and LibreOffice write
them, for the workbook reader's tests (no spreadsheet library needed).

    make.py             rewrites the fixtures of the CLI cases (tests/cli/cases/28x-*)

As a module: xlsx(path, rows, ...) and ods(path, rows, ...), where a row is a list of
cells and a cell is
  - None or "": empty (left out, as spreadsheets leave it);
  - a str: text (xlsx: a shared string, or ('inline', s) an inline string);
  - an int or float: a number cell;
  - ('pct', x): a number x in a percent format (0.8 shows as 80 %);
  - ('date', serial, iso): a date (xlsx: the serial number in a date format);
  - ('formula', None): a formula with no saved value;
  - ('bool', b): a boolean;
  - ('note', v, comment): v with a comment on its cell (.ods: in the cell, as LibreOffice
    writes it; .xlsx: the value only, comments being a part of their own)."""
import os
import struct
import sys
import zipfile
from xml.sax.saxutils import escape, quoteattr

MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'


def put(z, name, data, stored=False):
    """A part dated 2025-01-01, so that the same rows make the same bytes."""
    info = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    z.writestr(info, data)


def col_name(n):
    s = ''
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def xlsx(path, rows, sheets=('Phiếu',), chosen=0, extra_parts=(), sheet_xml=None,
         strings_at='sharedStrings.xml', styles_at='styles.xml'):
    """rows go to sheet `chosen` of `sheets` (the others are empty). The shared strings
    and styles parts are where the relationships say (`*_at`: a target relative to xl/,
    or absolute from the ZIP file's root with a leading "/")."""
    def part(target):
        return target[1:] if target.startswith('/') else 'xl/' + target
    strings, index = [], {}
    xml_rows = []
    for r, row in enumerate(rows, 1):
        cells = []
        for c, v in enumerate(row, 1):
            ref = '%s%d' % (col_name(c), r)
            if v is None or v == '':
                continue
            if isinstance(v, tuple):
                kind = v[0]
                if kind == 'pct':
                    cells.append('<c r="%s" s="1"><v>%r</v></c>' % (ref, v[1]))
                elif kind == 'date':
                    cells.append('<c r="%s" s="2"><v>%d</v></c>' % (ref, v[1]))
                elif kind == 'formula':
                    cells.append('<c r="%s"><f>SUM(A1:A2)</f></c>' % ref)
                elif kind == 'bool':
                    cells.append('<c r="%s" t="b"><v>%d</v></c>' % (ref, 1 if v[1] else 0))
                elif kind == 'note':  # comments live in a part of their own: the value
                    v = v[1]
                    if v not in index:
                        index[v] = len(strings)
                        strings.append(v)
                    cells.append('<c r="%s" t="s"><v>%d</v></c>' % (ref, index[v]))
                elif kind == 'inline':
                    cells.append('<c r="%s" t="inlineStr"><is><t xml:space="preserve">%s'
                                 '</t></is></c>' % (ref, escape(v[1])))
                continue
            if isinstance(v, bool):
                cells.append('<c r="%s" t="b"><v>%d</v></c>' % (ref, v))
            elif isinstance(v, (int, float)):
                cells.append('<c r="%s"><v>%r</v></c>' % (ref, v))
            else:
                if v not in index:
                    index[v] = len(strings)
                    strings.append(v)
                cells.append('<c r="%s" t="s"><v>%d</v></c>' % (ref, index[v]))
        xml_rows.append('<row r="%d">%s</row>' % (r, ''.join(cells)))
    z = zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED)
    put(z, '[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
               '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
               '<Default Extension="xml" ContentType="application/xml"/></Types>')
    put(z, 'xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
               '<workbook xmlns="%s" xmlns:r="%s"><sheets>%s</sheets></workbook>' % (
                   MAIN, RELS, ''.join('<sheet name=%s sheetId="%d" r:id="rId%d"/>' % (
                       quoteattr(n), i + 1, i + 1) for i, n in enumerate(sheets))))
    put(z, 'xl/_rels/workbook.xml.rels',
               '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns='
               '"http://schemas.openxmlformats.org/package/2006/relationships">%s'
               '<Relationship Id="rIdS" Type="%s/sharedStrings" Target="%s"/>'
               '<Relationship Id="rIdT" Type="%s/styles" Target="%s"/>'
               '</Relationships>' % (''.join(
                   '<Relationship Id="rId%d" Type="%s/worksheet" Target="worksheets/sheet%d'
                   '.xml"/>' % (i + 1, RELS, i + 1) for i in range(len(sheets))),
                   RELS, strings_at, RELS, styles_at))
    # styles: 0 general, 1 a percent (built-in 9), 2 a date (a format of our own)
    put(z, part(styles_at), '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
               '<styleSheet xmlns="%s"><numFmts count="1"><numFmt numFmtId="164" '
               'formatCode="dd/mm/yyyy;@"/></numFmts><cellStyleXfs count="1"><xf numFmtId="9"/>'
               '</cellStyleXfs><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="9"/>'
               '<xf numFmtId="164"/></cellXfs></styleSheet>' % MAIN)
    put(z, part(strings_at), '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
               '<sst xmlns="%s" count="%d" uniqueCount="%d">%s</sst>' % (
                   MAIN, len(strings), len(strings),
                   ''.join('<si><t xml:space="preserve">%s</t></si>' % escape(s)
                           for s in strings)))
    for i in range(len(sheets)):
        data = ''.join(xml_rows) if i == chosen else ''
        body = sheet_xml or ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                             '<worksheet xmlns="%s"><sheetData>%s</sheetData></worksheet>')
        put(z, 'xl/worksheets/sheet%d.xml' % (i + 1), body % (MAIN, data))
    for name, data in extra_parts:
        put(z, name, data)
    z.close()


NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')


def ods_cell(v):
    if v is None or v == '':
        return None
    if isinstance(v, tuple):
        kind = v[0]
        if kind == 'pct':
            return ('<table:table-cell office:value-type="percentage" office:value="%r">'
                    '<text:p>%s%%</text:p></table:table-cell>' % (v[1], v[1] * 100))
        if kind == 'date':
            return ('<table:table-cell office:value-type="date" office:date-value="%s">'
                    '<text:p>%s</text:p></table:table-cell>' % (v[2], v[2]))
        if kind == 'formula':
            return '<table:table-cell table:formula="of:=SUM([.A1:.A2])"/>'
        if kind == 'bool':
            return ('<table:table-cell office:value-type="boolean" office:boolean-value="%s">'
                    '<text:p>%s</text:p></table:table-cell>' % (
                        'true' if v[1] else 'false', 'TRUE' if v[1] else 'FALSE'))
        if kind == 'inline':
            v = v[1]
        if kind == 'note':  # a value with a comment on its cell (paragraphs of its own)
            return ods_cell(v[1]).replace(
                '<text:p>', '<office:annotation><text:p>%s</text:p></office:annotation>'
                '<text:p>' % escape(v[2]), 1)
    if isinstance(v, bool):
        return ods_cell(('bool', v))
    if isinstance(v, (int, float)):
        return ('<table:table-cell office:value-type="float" office:value="%r"><text:p>%s'
                '</text:p></table:table-cell>' % (v, v))
    # text: a line break inside a cell is a second paragraph; runs of spaces are text:s
    paras = []
    for line in str(v).split('\n'):
        out, i = [], 0
        while i < len(line):
            if line[i] == ' ' and i + 1 < len(line) and line[i + 1] == ' ':
                j = i
                while j < len(line) and line[j] == ' ':
                    j += 1
                out.append(' <text:s text:c="%d"/>' % (j - i - 1))
                i = j
            else:
                out.append(escape(line[i]))
                i += 1
        paras.append('<text:p>%s</text:p>' % ''.join(out))
    return '<table:table-cell office:value-type="string">%s</table:table-cell>' % ''.join(paras)


def ods(path, rows, sheets=('Phiếu',), chosen=0, repeat_last=1):
    """As LibreOffice writes it: repeated empty cells to the right, repeated empty rows
    to the bottom of the sheet, identical neighbouring cells as one repeated cell."""
    tables = []
    for i, name in enumerate(sheets):
        body = []
        if i == chosen:
            for row in rows:
                cells = [ods_cell(v) for v in row]
                xml, k = [], 0
                while k < len(cells):
                    j = k
                    while j + 1 < len(cells) and cells[j + 1] == cells[k]:
                        j += 1
                    c = cells[k] or '<table:table-cell/>'
                    if j > k:
                        c = c.replace('<table:table-cell', '<table:table-cell '
                                      'table:number-columns-repeated="%d"' % (j - k + 1), 1)
                    xml.append(c)
                    k = j + 1
                xml.append('<table:table-cell table:number-columns-repeated="1000"/>')
                rep = (' table:number-rows-repeated="%d"' % repeat_last
                       if row is rows[-1] and repeat_last > 1 else '')
                body.append('<table:table-row%s>%s</table:table-row>' % (rep, ''.join(xml)))
        body.append('<table:table-row table:number-rows-repeated="1048000">'
                    '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>')
        tables.append('<table:table table:name=%s>%s</table:table>' % (quoteattr(name),
                                                                        ''.join(body)))
    z = zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED)
    put(z, 'mimetype', 'application/vnd.oasis.opendocument.spreadsheet', stored=True)
    put(z, 'META-INF/manifest.xml', '<?xml version="1.0" encoding="UTF-8"?>'
               '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:'
               'manifest:1.0"/>')
    put(z, 'content.xml', '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               '%s><office:body><office:spreadsheet>%s</office:spreadsheet></office:body>'
               '</office:document-content>' % (NS, ''.join(tables)))
    z.close()


def encrypt_flag(path):
    """Marks every entry as encrypted (general purpose bit 0), as a password would."""
    data = bytearray(open(path, 'rb').read())
    for sig, off in ((b'PK\x03\x04', 6), (b'PK\x01\x02', 8)):
        i = data.find(sig)
        while i >= 0:
            flags = struct.unpack_from('<H', data, i + off)[0]
            struct.pack_into('<H', data, i + off, flags | 1)
            i = data.find(sig, i + 4)
    open(path, 'wb').write(bytes(data))


# ---- the CLI cases' fixtures ----

HEADER = ['agency_id', 'agency_name', 'province', 'owner', 'block', 'media', 'year',
          'criterion', 'answer', 'evidence']


def fixtures(cases):
    def case(name):
        d = os.path.join(cases, name)
        os.makedirs(d, exist_ok=True)
        return d
    # 286: an Excel workbook as a person fills it: shared and inline strings, a number,
    # a percent cell, a boolean, a text "001", the answers on the second sheet; 287 the
    # same as LibreOffice writes an .ods
    rows = [HEADER,
            ['X1', 'Báo Bảng Tính', 'Tỉnh Thử', 'UBND Tỉnh Thử', 'Báo địa phương', 'in', 2025,
             '1.1.1', ('bool', True), ('inline', 'QĐ 1/QĐ-X1')],
            ['X1', None, None, None, None, None, None, '1.1.2', ('pct', 0.8), None],
            ['X1', None, None, None, None, None, None, '2.1.1',
             ('note', '3+', 'Sở: đã xem biên bản kiểm tra'), None],
            ['001', 'Tạp chí Số', 'Tỉnh Thử', 'Hội Thử', 'Tạp chí', 'dien-tu', 2025, '1.1.1',
             'không', None],
            ['001', None, None, None, None, None, None, '1.1.2', 12.345, None],
            ['001', None, None, None, None, None, None, '2.1.1', 'none', None]]
    # (its shared strings and styles where another writer may put them: found through
    # the workbook's relationships, not by their usual names)
    for name in ('286-score-xlsx-sheet', '290-score-xlsx-first-sheet-empty'):
        xlsx(os.path.join(case(name), 'phieu.xlsx'), rows, sheets=('Hướng dẫn', 'Phiếu'),
             chosen=1, strings_at='shared/strings1.xml', styles_at='/xl/look/styles1.xml')
    ods(os.path.join(case('287-score-ods'), 'phieu.ods'), rows)
    # 288: what a workbook may hold that cannot be scored as is
    bad = [HEADER,
           ['F1', 'Báo Công Thức', 'Tỉnh Thử', '', 'Báo địa phương', 'in', 2025, '1.1.1', 'có',
            'QĐ 1'],
           ['F1', None, None, None, None, None, None, '1.1.2', ('formula', None), None],
           ['F1', None, None, None, None, None, None, '2.1.1', '1-2', None],
           ['F2', 'Báo Ngày Tháng', 'Tỉnh Thử', '', 'Báo địa phương', 'in',
            ('date', 45658, '2025-01-01'), '1.1.1', 'có', 'QĐ 2']]
    xlsx(os.path.join(case('288-score-xlsx-formula-and-date'), 'loi.xlsx'), bad)
    # 289: hostile workbooks, each refused whole with its reason
    d = case('289-score-hostile-workbooks')
    ok = [HEADER, ['H1', 'Báo', 'Tỉnh Thử', '', 'Báo', 'in', 2025, '1.1.1', 'có', 'x']]
    xlsx(os.path.join(d, 'bomb.xlsx'), ok,
         extra_parts=[('xl/media/padding.bin', b'\0' * (4 << 20))])
    xlsx(os.path.join(d, 'path.xlsx'), ok, extra_parts=[('xl/../../evil.txt', b'x')])
    xlsx(os.path.join(d, 'doctype.xlsx'), ok, sheet_xml=(
        '<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        '<worksheet xmlns="%s"><sheetData>%s<row r="9"><c r="A9" t="inlineStr"><is><t>&e;'
        '</t></is></c></row></sheetData></worksheet>'))
    xlsx(os.path.join(d, 'locked.xlsx'), ok)
    encrypt_flag(os.path.join(d, 'locked.xlsx'))
    ods(os.path.join(d, 'repeat.ods'), ok, repeat_last=20000)
    z = zipfile.ZipFile(os.path.join(d, 'archive.zip'), 'w')
    put(z, 'readme.txt', 'not a workbook')
    z.close()


if __name__ == '__main__':
    here = os.path.dirname(os.path.abspath(__file__))
    fixtures(os.path.join(here, '..', 'cli', 'cases'))
    sys.exit(0)
