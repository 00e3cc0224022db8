/** Running commands: dispatch, configuration requests, get/poll commands, status and down. */
package io.drbdctl.setup.run;
