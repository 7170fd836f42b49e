#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Turns a text file into a C source defining `const char NAME[]` with its contents.

The rubric schema is data (rubrics/rubric.rng) but the library must validate against
it without knowing where it is installed, so the build embeds it."""
import sys

src, name, dst = sys.argv[1], sys.argv[2], sys.argv[3]
data = open(src, 'rb').read()
with open(dst, 'w') as out:
    out.write('/* Generated from %s by embed.py; do not edit. */\n' % src.split('/')[-1])
    out.write('#include <stddef.h>\n')
    out.write('extern const char %s[];\nextern const size_t %s_len;\n' % (name, name))
    out.write('const char %s[] = {\n' % name)
    for i in range(0, len(data), 16):
        out.write('  ' + ''.join('%d,' % b for b in data[i:i + 16]) + '\n')
    out.write('  0};\n')
    out.write('const size_t %s_len = %d;\n' % (name, len(data)))
