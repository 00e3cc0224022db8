/** The man page drbdsetup(8), rendered from the command table and the option table. */
package io.drbdctl.setup.doc;
