#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The bash completion (cli/completion/pressdx.bash) asked what a user would press Tab on,
# with the expected answers listed by hand from the commands' --help texts and the
# shipped rubrics and plans. With bash-completion installed it is loaded first, as in a
# user's shell; the script also works without it.
#
#   test-bash.sh PRESSDX COMPLETION_SCRIPT RUBRICS_DIR
set -uo pipefail
PRESSDX=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
SCRIPT=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
PRESSDX_RUBRIC_DIR=$(cd "$3" && pwd)
export PRESSDX_RUBRIC_DIR
# "pressdx" on the PATH is the one under test
bindir=$(mktemp -d)
work=$(mktemp -d)
trap 'rm -rf "$bindir" "$work"' EXIT
ln -s "$PRESSDX" "$bindir/pressdx"
export PATH="$bindir:$PATH"
cd "$work" || exit 2
touch hai-phong-2025.csv notes.txt

if [ -f /usr/share/bash-completion/bash_completion ]; then
	# shellcheck disable=SC1091
	. /usr/share/bash-completion/bash_completion
fi
# shellcheck disable=SC1090
. "$SCRIPT" || exit 2
declare -F _pressdx >/dev/null || { echo "$SCRIPT defines no _pressdx"; exit 2; }

failed=0
# complete LINE: the candidates for the last word of LINE (a trailing space: a new word)
complete_line() {
	local line=$1
	read -r -a COMP_WORDS <<<"$line"
	[[ $line == *" " ]] && COMP_WORDS+=("")
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	COMP_LINE=$line
	COMP_POINT=${#line}
	COMPREPLY=()
	_pressdx pressdx "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
	printf '%s\n' "${COMPREPLY[@]}" | sort -u | tr '\n' ' ' | sed 's/ $//'
}

expect() { # expect LINE EXPECTED (candidates, sorted, space-separated)
	local got
	got=$(complete_line "$1")
	if [ "$got" != "$2" ]; then
		echo "FAIL: \"$1\"<Tab>: expected [$2], got [$got]"
		failed=1
	else
		echo "ok:   \"$1\"<Tab> -> $2"
	fi
}

expect "pressdx sc" "score"
expect "pressdx t" "targets template"
expect "pressdx help ta" "targets"
expect "pressdx db i" "import"
expect "pressdx rubrics e" "export"
expect "pressdx score --form" "--format"
expect "pressdx score --format " "csv html json text xlsx"
expect "pressdx template -f " "csv xlsform xlsx"
expect "pressdx rank --within " "block none province"
expect "pressdx summary --by " "block media owner province year"
expect "pressdx db import --stage " "appraised self"
expect "pressdx score --encoding " "cp1258 tcvn3"
expect "pressdx score --rubric 18" "1827-2024"
expect "pressdx score --rubric " "1827-2024 3560-2025 951-2023"
expect "pressdx targets --plan hai" "hai-phong"
expect "pressdx targets --plan " "bo-noi-vu can-tho hai-phong lai-chau tay-ninh"
expect "pressdx history --ag" "--agency"
expect "pressdx history --p" "--province"
expect "pressdx rank --prov" "--provinces"
expect "pressdx rank --provinces " "2025"
expect "pressdx score hai" "hai-phong-2025.csv"
expect "pressdx score --year " ""
exit $failed
