/** The command table: every drbdsetup command of the 8.4 dialect with its context, operation, arguments and the option fields taken from the option table and the family spec. */
package io.drbdctl.setup.command;
