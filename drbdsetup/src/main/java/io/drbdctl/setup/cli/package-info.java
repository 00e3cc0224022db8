/** The command-line edge: getopt-style option parsing, wrapping and the usage texts generated from the command table. */
package io.drbdctl.setup.cli;
