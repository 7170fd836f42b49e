/* SPDX-License-Identifier: MIT */
/* The version macros a program is compiled with agree with the library it runs with
 * (linked against the shared libpressdx, as a program outside the tree would be). */
#include <pressdx/pressdx.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
	int failed = 0;
	char want[32];
	snprintf(want, sizeof want, "%d.%d.%d", PDX_VERSION_MAJOR, PDX_VERSION_MINOR,
	         PDX_VERSION_PATCH);
	if (strcmp(want, PDX_VERSION_STRING) != 0) {
		printf("PDX_VERSION_STRING \"%s\" is not MAJOR.MINOR.PATCH \"%s\"\n",
		       PDX_VERSION_STRING, want);
		failed = 1;
	}
	if (strcmp(pdx_version(), PDX_VERSION_STRING) != 0) {
		printf("pdx_version() \"%s\", PDX_VERSION_STRING \"%s\"\n", pdx_version(),
		       PDX_VERSION_STRING);
		failed = 1;
	}
	/* 0.1.0 is 100; a later minor release compares greater */
	if (PDX_VERSION_AT(0, 1, 0) != 100 ||
	    PDX_VERSION_AT(1, 0, 0) <= PDX_VERSION_AT(0, 99, 99) ||
	    PDX_VERSION_NUMBER !=
	        PDX_VERSION_AT(PDX_VERSION_MAJOR, PDX_VERSION_MINOR, PDX_VERSION_PATCH)) {
		printf("PDX_VERSION_AT does not order versions\n");
		failed = 1;
	}
	return failed;
}
