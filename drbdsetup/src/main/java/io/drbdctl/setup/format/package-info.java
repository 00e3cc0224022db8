/** Output formatters (show, status, sh-status, events, events2, gi, errors); they read neutral snapshots, not wire messages. */
package io.drbdctl.setup.format;
