/* SPDX-License-Identifier: MIT */
/* pdx_global_init and pdx_global_cleanup: the library's process-wide set-up, counted so
 * that two parts of one program (the portal and a binding it loads) may each call them.
 *
 * What is shared between threads is set up on first use anyway (libxml2 under a lock
 * in xml.c, SQLite by its own sqlite3_initialize); these calls make that
 * happen at a moment the program chooses, before its threads start. */
#include <limits.h>
#include <pthread.h>
#include <sqlite3.h>

#include "internal.h"
#include "xml.h"

static pthread_mutex_t global_lock = PTHREAD_MUTEX_INITIALIZER;
static int global_users;

int pdx_global_init(void)
{
	int rc;
	pthread_mutex_lock(&global_lock);
	if (global_users == INT_MAX) {
		rc = PDX_EARG;
	} else {
		pdx_xml_init();
		/* sqlite3_initialize is a no-op after the first success; its failure (out of
		 * memory) leaves the count as it was, so the call can be retried */
		int sq = sqlite3_initialize();
		rc = sq == SQLITE_OK ? ++global_users : sq == SQLITE_NOMEM ? PDX_ENOMEM : PDX_EIO;
	}
	pthread_mutex_unlock(&global_lock);
	return rc;
}

int pdx_global_cleanup(void)
{
	int rc;
	pthread_mutex_lock(&global_lock);
	if (global_users == 0)
		rc = PDX_EARG;
	else
		rc = --global_users;
	/* Nothing of the library's own outlives its objects today; libxml2's tables are
	 * libxml2's to free (see pressdx.h), SQLite's are freed with the process. */
	pthread_mutex_unlock(&global_lock);
	return rc;
}
