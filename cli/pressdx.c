/* SPDX-License-Identifier: MIT */
/* pressdx — the program: everything happens in pressdx_main (main.c). */
#include "cli.h"

int main(int argc, char **argv)
{
	return pressdx_main(argc, argv);
}
