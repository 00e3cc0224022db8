// SPDX-License-Identifier: GPL-2.0
/*
 * mark TEXT...: drops TEXT (the arguments joined by blanks, NUL-terminated) into
 * an nlmon capture as one netlink message of type 0x4d4b ("MK") on a
 * NETLINK_USERSOCK socket, addressed to the socket itself. The v8 replay harness
 * passes it to the scenario scripts as MARK, so that "CMD n: ..." and
 * "END n rc=X" delimit the requests of each command in the capture (the same
 * markers as in shared/reference/v8-traces). Built in the guest by replay.sh.
 */
#include <linux/netlink.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define MARK_TYPE 0x4d4b

int main(int argc, char **argv)
{
	static char msg[8192];
	struct nlmsghdr *nlh = (struct nlmsghdr *)msg;
	char *text = msg + NLMSG_HDRLEN;
	size_t room = sizeof(msg) - NLMSG_HDRLEN - 1, used = 0;
	struct sockaddr_nl self = { .nl_family = AF_NETLINK };
	socklen_t len = sizeof(self);
	int fd, i;

	for (i = 1; i < argc; i++) {
		size_t n = strlen(argv[i]);

		if (used + n + 1 > room)
			n = room - used - 1;
		if (i > 1)
			text[used++] = ' ';
		memcpy(text + used, argv[i], n);
		used += n;
		if (used + 1 >= room)
			break;
	}
	text[used++] = '\0';

	fd = socket(AF_NETLINK, SOCK_RAW, NETLINK_USERSOCK);
	if (fd < 0 || bind(fd, (struct sockaddr *)&self, sizeof(self)) < 0 ||
	    getsockname(fd, (struct sockaddr *)&self, &len) < 0) {
		perror("mark");
		return 1;
	}
	nlh->nlmsg_len = NLMSG_HDRLEN + used;
	nlh->nlmsg_type = MARK_TYPE;
	nlh->nlmsg_flags = 0;
	nlh->nlmsg_seq = 0;
	nlh->nlmsg_pid = self.nl_pid;
	if (sendto(fd, msg, NLMSG_ALIGN(nlh->nlmsg_len), 0,
		   (struct sockaddr *)&self, sizeof(self)) < 0) {
		perror("mark: sendto");
		return 1;
	}
	close(fd);
	return 0;
}
