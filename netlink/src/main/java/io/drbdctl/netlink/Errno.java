package io.drbdctl.netlink;

import java.util.Map;

/** Symbolic names and short descriptions of Linux errno values (x86/generic numbering). */
public final class Errno {
    private Errno() {
    }

    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int EINTR = 4;
    public static final int EAGAIN = 11;
    public static final int ENOMEM = 12;
    public static final int EACCES = 13;
    public static final int EBUSY = 16;
    public static final int EEXIST = 17;
    public static final int ENODEV = 19;
    public static final int EINVAL = 22;
    public static final int ERANGE = 34;
    public static final int EMSGSIZE = 90;
    public static final int EOPNOTSUPP = 95;
    public static final int ENOBUFS = 105;

    private record Entry(String name, String text) {
    }

    private static Entry e(String name, String text) {
        return new Entry(name, text);
    }

    private static final Map<Integer, Entry> TABLE = Map.ofEntries(
            Map.entry(1, e("EPERM", "Operation not permitted")),
            Map.entry(2, e("ENOENT", "No such file or directory")),
            Map.entry(3, e("ESRCH", "No such process")),
            Map.entry(4, e("EINTR", "Interrupted system call")),
            Map.entry(5, e("EIO", "Input/output error")),
            Map.entry(6, e("ENXIO", "No such device or address")),
            Map.entry(7, e("E2BIG", "Argument list too long")),
            Map.entry(9, e("EBADF", "Bad file descriptor")),
            Map.entry(11, e("EAGAIN", "Resource temporarily unavailable")),
            Map.entry(12, e("ENOMEM", "Cannot allocate memory")),
            Map.entry(13, e("EACCES", "Permission denied")),
            Map.entry(14, e("EFAULT", "Bad address")),
            Map.entry(15, e("ENOTBLK", "Block device required")),
            Map.entry(16, e("EBUSY", "Device or resource busy")),
            Map.entry(17, e("EEXIST", "File exists")),
            Map.entry(18, e("EXDEV", "Invalid cross-device link")),
            Map.entry(19, e("ENODEV", "No such device")),
            Map.entry(20, e("ENOTDIR", "Not a directory")),
            Map.entry(21, e("EISDIR", "Is a directory")),
            Map.entry(22, e("EINVAL", "Invalid argument")),
            Map.entry(23, e("ENFILE", "Too many open files in system")),
            Map.entry(24, e("EMFILE", "Too many open files")),
            Map.entry(25, e("ENOTTY", "Inappropriate ioctl for device")),
            Map.entry(27, e("EFBIG", "File too large")),
            Map.entry(28, e("ENOSPC", "No space left on device")),
            Map.entry(30, e("EROFS", "Read-only file system")),
            Map.entry(32, e("EPIPE", "Broken pipe")),
            Map.entry(34, e("ERANGE", "Numerical result out of range")),
            Map.entry(35, e("EDEADLK", "Resource deadlock avoided")),
            Map.entry(36, e("ENAMETOOLONG", "File name too long")),
            Map.entry(38, e("ENOSYS", "Function not implemented")),
            Map.entry(39, e("ENOTEMPTY", "Directory not empty")),
            Map.entry(42, e("ENOMSG", "No message of desired type")),
            Map.entry(61, e("ENODATA", "No data available")),
            Map.entry(62, e("ETIME", "Timer expired")),
            Map.entry(67, e("ENOLINK", "Link has been severed")),
            Map.entry(71, e("EPROTO", "Protocol error")),
            Map.entry(74, e("EBADMSG", "Bad message")),
            Map.entry(75, e("EOVERFLOW", "Value too large for defined data type")),
            Map.entry(77, e("EBADFD", "File descriptor in bad state")),
            Map.entry(84, e("EILSEQ", "Invalid or incomplete multibyte or wide character")),
            Map.entry(88, e("ENOTSOCK", "Socket operation on non-socket")),
            Map.entry(89, e("EDESTADDRREQ", "Destination address required")),
            Map.entry(90, e("EMSGSIZE", "Message too long")),
            Map.entry(91, e("EPROTOTYPE", "Protocol wrong type for socket")),
            Map.entry(92, e("ENOPROTOOPT", "Protocol not available")),
            Map.entry(93, e("EPROTONOSUPPORT", "Protocol not supported")),
            Map.entry(94, e("ESOCKTNOSUPPORT", "Socket type not supported")),
            Map.entry(95, e("EOPNOTSUPP", "Operation not supported")),
            Map.entry(97, e("EAFNOSUPPORT", "Address family not supported by protocol")),
            Map.entry(98, e("EADDRINUSE", "Address already in use")),
            Map.entry(99, e("EADDRNOTAVAIL", "Cannot assign requested address")),
            Map.entry(100, e("ENETDOWN", "Network is down")),
            Map.entry(101, e("ENETUNREACH", "Network is unreachable")),
            Map.entry(103, e("ECONNABORTED", "Software caused connection abort")),
            Map.entry(104, e("ECONNRESET", "Connection reset by peer")),
            Map.entry(105, e("ENOBUFS", "No buffer space available")),
            Map.entry(106, e("EISCONN", "Transport endpoint is already connected")),
            Map.entry(107, e("ENOTCONN", "Transport endpoint is not connected")),
            Map.entry(110, e("ETIMEDOUT", "Connection timed out")),
            Map.entry(111, e("ECONNREFUSED", "Connection refused")),
            Map.entry(113, e("EHOSTUNREACH", "No route to host")),
            Map.entry(114, e("EALREADY", "Operation already in progress")),
            Map.entry(115, e("EINPROGRESS", "Operation now in progress")),
            Map.entry(116, e("ESTALE", "Stale file handle")),
            Map.entry(121, e("EREMOTEIO", "Remote I/O error")),
            Map.entry(122, e("EDQUOT", "Disk quota exceeded")),
            Map.entry(117, e("EUCLEAN", "Structure needs cleaning")),
            Map.entry(123, e("ENOMEDIUM", "No medium found")),
            Map.entry(124, e("EMEDIUMTYPE", "Wrong medium type")),
            Map.entry(125, e("ECANCELED", "Operation canceled")),
            Map.entry(126, e("ENOKEY", "Required key not available")),
            Map.entry(131, e("ENOTRECOVERABLE", "State not recoverable")),
            // kernel-internal values that can leak to user space through netlink
            Map.entry(512, e("ERESTARTSYS", "Restart system call")),
            Map.entry(524, e("ENOTSUPP", "Operation is not supported")));

    /** Symbolic name such as {@code EINVAL}, or {@code E<n>} for values not in the table. */
    public static String name(int errno) {
        Entry entry = TABLE.get(Math.abs(errno));
        return entry != null ? entry.name() : "E" + Math.abs(errno);
    }

    /** Short description in the words of strerror(3), or {@code "Unknown error <n>"}. */
    public static String text(int errno) {
        Entry entry = TABLE.get(Math.abs(errno));
        return entry != null ? entry.text() : "Unknown error " + Math.abs(errno);
    }

    /** {@code "EINVAL (22)"}. */
    public static String label(int errno) {
        return name(errno) + " (" + Math.abs(errno) + ")";
    }

    /** {@code "EINVAL (22): Invalid argument"}. */
    public static String describe(int errno) {
        return label(errno) + ": " + text(errno);
    }
}
