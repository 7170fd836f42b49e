#!/usr/bin/env zsh
# SPDX-License-Identifier: MIT
# The zsh completion (cli/completion/_pressdx) with zsh's completion builtins replaced by
# stubs that print what they are given: the candidates it offers for each line, against
# the lists worked out by hand from the commands' --help texts and the shipped rubrics
# and plans. (What zsh then does with them, matching the prefix and showing a menu, is
# zsh's.)
#
#   test-zsh.zsh PRESSDX COMPLETION_FILE RUBRICS_DIR
emulate -L zsh
setopt extendedglob
local pressdx=${1:A} script=${2:A}
export PRESSDX_RUBRIC_DIR=${3:A}
local bindir=$(mktemp -d)
ln -s $pressdx $bindir/pressdx
path=($bindir $path)

compadd() {
	if [[ $1 == -a ]]; then print -l -- ${(P)2}; else print -l -- "$@"; fi
}
_describe() { print -l -- ${${(P)4}%%:*} }
_files() { print -- "<files>" }

# the function body of the completion file, without its last line's call
eval "$(sed '$d' $script)"

integer failed=0
check() { # check "WORDS..." EXPECTED: candidates for the last word, sorted, one line
	local line=$1 want=$2
	local -a words
	words=(${(z)line})
	[[ $line == *' ' ]] && words+=('')
	local CURRENT=$#words PREFIX=$words[-1]
	local got=${(j: :)${(ou)${(f)"$(_pressdx)"}}}
	if [[ $got != $want ]]; then
		print -r -- "FAIL: \"$line\"<Tab>: expected [$want], got [$got]"
		failed=1
	else
		print -r -- "ok:   \"$line\"<Tab> -> $got"
	fi
}

check "pressdx s" "check db diff gap help history rank rubrics score summary targets template validate"
check "pressdx help t" "check db diff gap help history rank rubrics score summary targets template validate"
check "pressdx db i" "aliases check import"
check "pressdx score --format " "csv html json text xlsx"
check "pressdx template -f " "csv xlsform xlsx"
check "pressdx rank --within " "block none province"
check "pressdx summary --by " "block media owner province year"
check "pressdx db import --stage " "appraised self"
check "pressdx score --rubric " "1827-2024 3560-2025 951-2023 <files>"
check "pressdx targets --plan " "<files> bo-noi-vu can-tho hai-phong lai-chau tay-ninh"
check "pressdx rank --provinces " "2025"
check "pressdx score hai" "<files>"
# every option of history's help, the usage line's included
local opts=$(check "pressdx history --" "" | sed 's/.*got \[//; s/\]$//')
for o in --agency --province --block --by --db --format --roster --help -o -h; do
	if [[ " $opts " != *" $o "* ]]; then
		print -r -- "FAIL: \"pressdx history --\"<Tab> lacks $o (got: $opts)"
		failed=1
	fi
done
rm -rf $bindir
exit $failed
