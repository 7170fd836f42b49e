# SPDX-License-Identifier: MIT
# bash completion for pressdx: commands, options, option values, rubric and plan ids, files.
#
# Options and their values are read from `pressdx CMD --help` (the same text `pressdx help
# CMD` prints), rubric ids from `pressdx rubrics`, plan ids from the plans/ folders of
# the rubric search path that `pressdx rubrics --help` lists: nothing here is a second
# copy that could drift from the program.

_pressdx_help() { # the help text of command $2 of program $1, in English alone (one
	# language, whatever PRESSDX_LANG or the locale say: the option names are the same)
	"$1" --lang en "$2" --help 2>/dev/null
}

_pressdx_options() {
	_pressdx_help "$1" "$2" | grep -oE -- '(^|[][ ,|(])--?[a-zA-Z][a-zA-Z-]*' |
		sed 's/^[][ ,|(]//' | sort -u
}

# the values an option lists in the help text: "--format text|json|csv" -> text json csv
_pressdx_values() {
	_pressdx_help "$1" "$2" | grep -oE -- "$3 [a-z0-9,;]+(\|[a-z0-9,;]+)+" | head -1 |
		sed "s/^$3 //" | tr '|' '\n'
}

_pressdx_rubric_ids() {
	"$1" rubrics 2>/dev/null | awk '/^[^ \t]/ { print $1 }'
}

_pressdx_plan_ids() {
	local dir f
	"$1" --lang en rubrics --help 2>/dev/null | sed -n 's/^  \(\/.*\)$/\1/p' | while read -r dir; do
		for f in "$dir"/plans/*.xml; do
			[ -e "$f" ] && basename "$f" .xml
		done
	done | sort -u
}

_pressdx() {
	local cur prev words cword
	if declare -F _init_completion >/dev/null; then
		_init_completion || return
	else
		cur=${COMP_WORDS[COMP_CWORD]}
		prev=${COMP_WORDS[COMP_CWORD - 1]}
		words=("${COMP_WORDS[@]}")
		cword=$COMP_CWORD
	fi
	local prog=${words[0]}
	local commands=(score template validate check rank summary gap diff targets rubrics db history)
	local IFS=$'\n'

	if ((cword == 1)); then
		COMPREPLY=($(compgen -W "$(printf '%s\n' "${commands[@]}" help --help --version)" -- "$cur"))
		return
	fi
	local cmd=${words[1]}
	case $cmd in
	help)
		((cword == 2)) && COMPREPLY=($(compgen -W "$(printf '%s\n' "${commands[@]}")" -- "$cur"))
		return
		;;
	db)
		if ((cword == 2)); then
			COMPREPLY=($(compgen -W $'import\ncheck\naliases' -- "$cur"))
			return
		fi
		;;
	rubrics)
		if ((cword == 2)); then
			COMPREPLY=($(compgen -W $'export\nimport' -- "$cur"))
			return
		fi
		if [[ ${words[2]} == export && $prev == export ]]; then
			COMPREPLY=($(compgen -W "$(_pressdx_rubric_ids "$prog")" -- "$cur")
				$(compgen -f -X '!*.xml' -- "$cur") $(compgen -d -- "$cur"))
			return
		fi
		;;
	esac

	case $prev in
	--rubric)
		COMPREPLY=($(compgen -W "$(_pressdx_rubric_ids "$prog")" -- "$cur")
			$(compgen -f -X '!*.xml' -- "$cur") $(compgen -d -- "$cur"))
		return
		;;
	--plan)
		COMPREPLY=($(compgen -W "$(_pressdx_plan_ids "$prog")" -- "$cur")
			$(compgen -f -X '!*.xml' -- "$cur") $(compgen -d -- "$cur"))
		return
		;;
	--format | -f | --within | --by | --stage | --encoding | --delimiter)
		local flag=$prev
		[[ $flag == -f ]] && flag=--format
		COMPREPLY=($(compgen -W "$(_pressdx_values "$prog" "$cmd" "$flag")" -- "$cur"))
		return
		;;
	--provinces)
		COMPREPLY=($(compgen -W 2025 -- "$cur"))
		return
		;;
	--split)
		COMPREPLY=($(compgen -d -- "$cur"))
		return
		;;
	--year | --target-level | --agency | --province | --block | --name | --agency-id | \
		--owner | --media | --sheet)
		return # a value the user knows; nothing to offer
		;;
	esac

	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$(_pressdx_options "$prog" "$cmd")" -- "$cur"))
		return
	fi
	COMPREPLY=($(compgen -f -- "$cur"))
	compopt -o filenames 2>/dev/null
}

complete -F _pressdx pressdx
