package io.drbdctl.setup.format;

import java.util.Map;

/** The texts drbdsetup 8.4 prints for the kernel's drbd_ret_code values (101 .. 170). */
public final class RetCodeText {
    private RetCodeText() {
    }

    static final int BASE = 100;
    static final int MAX = 170;

    private static final Map<Integer, String> TEXT = Map.ofEntries(
            Map.entry(101, "No further Information available."),
            Map.entry(102, "Local address(port) already in use."),
            Map.entry(103, "Remote address(port) already in use."),
            Map.entry(104, "Can not open backing device."),
            Map.entry(105, "Can not open meta device."),
            Map.entry(106, "Lower device already in use."),
            Map.entry(107, "Lower device is not a block device."),
            Map.entry(108, "Meta device is not a block device."),
            Map.entry(109, "Open of lower device failed."),
            Map.entry(110, "Open of meta device failed."),
            Map.entry(111, "Low.dev. smaller than requested DRBD-dev. size."),
            Map.entry(112, "Meta device too small."),
            Map.entry(113, "You have to use the disk command first."),
            Map.entry(114, "Lower device is already claimed. This usually means it is mounted."),
            Map.entry(115, "Meta device is already claimed. This usually means it is mounted."),
            Map.entry(116, "Lower device / meta device / index combination invalid."),
            Map.entry(117, "Currently we only support devices up to 3.998TB.\n"
                    + "(up to 2TB in case you do not have CONFIG_LBD set)\n"
                    + "Contact office@linbit.com, if you need more."),
            Map.entry(118, "IO error(s) occurred during initial access to meta-data.\n"),
            Map.entry(119, "No valid meta-data signature found.\n\n"
                    + "\t==> Use 'drbdadm create-md res' to initialize meta-data area. <==\n"),
            Map.entry(120, "The 'cram-hmac-alg' you specified is not known in the kernel. "
                    + "(Maybe you need to modprobe it, or modprobe hmac?)"),
            Map.entry(121, "The 'cram-hmac-alg' you specified is not a digest."),
            Map.entry(122, "kmalloc() failed. Out of memory?"),
            Map.entry(123, "--discard-my-data not allowed when primary."),
            Map.entry(124, "Device is attached to a disk (use detach first)"),
            Map.entry(125, "Device has a net-config (use disconnect first)"),
            Map.entry(126, "UnknownMandatoryTag"),
            Map.entry(127, "Device minor not allocated"),
            Map.entry(128, "Resulting device state would be invalid"),
            Map.entry(129, "Interrupted by Signal"),
            Map.entry(130, "Resize not allowed during resync."),
            Map.entry(131, "Need one Primary node to resize."),
            Map.entry(132, "The resync-after minor number is invalid"),
            Map.entry(133, "This would cause a resync-after dependency cycle"),
            Map.entry(134, "Sync-pause flag is already set"),
            Map.entry(135, "Sync-pause flag is already cleared"),
            Map.entry(136, "Disk state is lower than outdated"),
            Map.entry(137, "Kernel does not know how to handle your request.\nMaybe API_VERSION mismatch?"),
            Map.entry(138, "Device does not have a disk-config"),
            Map.entry(139, "Protocol C required"),
            Map.entry(140, "vmalloc() failed. Out of memory?"),
            Map.entry(141, "The 'data-integrity-alg' you specified is not known in the kernel. "
                    + "(Maybe you need to modprobe it, or modprobe hmac?)"),
            Map.entry(142, "The 'data-integrity-alg' you specified is not a digest."),
            Map.entry(143, "Invalid cpu-mask."),
            Map.entry(144, "CSUMSAlgNotAvail"),
            Map.entry(145, "CSUMSAlgNotDigest"),
            Map.entry(146, "VERIFYAlgNotAvail"),
            Map.entry(147, "VERIFYAlgNotDigest"),
            Map.entry(148, "Can not change csums-alg while resync is in progress"),
            Map.entry(149, "Can not change verify-alg while online verify runs"),
            Map.entry(150, "Can only attach to the data we lost last (see kernel log)."),
            Map.entry(151, "Need to be StandAlone"),
            Map.entry(152, "Permission denied. CAP_SYS_ADMIN necessary"),
            Map.entry(153, "Protocol version 93 required to use --assume-clean"),
            Map.entry(154, "Fencing policy resource-and-stonith only with prot B or C allowed"),
            Map.entry(155, "on-congestion policy pull-ahead only with prot A allowed"),
            Map.entry(156, "Sync-pause flag is already cleared.\n"
                    + "Note: Resync pause caused by a local resync-after dependency."),
            Map.entry(157, "Sync-pause flag is already cleared.\nNote: Resync pause caused by the peer node."),
            Map.entry(158, "Unknown resource"),
            Map.entry(159, "Resource still in use (delete all minors first)"),
            Map.entry(160, "Minor still configured (down it first)"),
            Map.entry(161, "Minor or volume exists already (delete it first)"),
            Map.entry(162, "Invalid configuration request"),
            Map.entry(163, "Prot version 100 required in order to change\n"
                    + "these network options while connected"),
            Map.entry(164, "Can not clear allow_two_primaries as long as\nthere a primaries on both sides"),
            Map.entry(165, "Unclean meta-data found.\nYou need to 'drbdadm apply-al res'\n"),
            Map.entry(166, "DRBD need to be connected for online MD layout change\n"),
            Map.entry(167, "Resulting AL area too big\n"),
            Map.entry(168, "Resulting AL are too small\n"),
            Map.entry(169, "Resulting AL does not fit into available meta data space\n"),
            Map.entry(170, "Implicit device shrinking not allowed. See kernel log.\n"));

    public static String of(int code) {
        if (code < BASE || code > MAX) {
            return "Unknown... maybe API_VERSION mismatch?";
        }
        return TEXT.getOrDefault(code, "(null)");
    }
}
