/* mod_errno.c - the errno module: every E* name the platform defines, and
 * errorcode, the reverse map.
 *
 * The table lists the names in the order CPython 3.11 inserts them, so
 * that errorcode iterates in the same order; each is guarded by #ifdef so
 * a platform without one simply lacks it.  Aliases (EWOULDBLOCK is
 * EAGAIN) are module attributes but not errorcode values, as in CPython.
 */
#include "stdlib/stdlib.h"

#include <errno.h>

typedef struct ErrnoName {
    const char *name;
    int value;
    int in_errorcode; /* 0 for aliases */
} ErrnoName;

static const ErrnoName errno_names[] = {
#ifdef ENODEV
    {"ENODEV", ENODEV, 1},
#endif
#ifdef ENOCSI
    {"ENOCSI", ENOCSI, 1},
#endif
#ifdef EHOSTUNREACH
    {"EHOSTUNREACH", EHOSTUNREACH, 1},
#endif
#ifdef ENOMSG
    {"ENOMSG", ENOMSG, 1},
#endif
#ifdef EUCLEAN
    {"EUCLEAN", EUCLEAN, 1},
#endif
#ifdef EL2NSYNC
    {"EL2NSYNC", EL2NSYNC, 1},
#endif
#ifdef EL2HLT
    {"EL2HLT", EL2HLT, 1},
#endif
#ifdef ENODATA
    {"ENODATA", ENODATA, 1},
#endif
#ifdef ENOTBLK
    {"ENOTBLK", ENOTBLK, 1},
#endif
#ifdef ENOSYS
    {"ENOSYS", ENOSYS, 1},
#endif
#ifdef EPIPE
    {"EPIPE", EPIPE, 1},
#endif
#ifdef EINVAL
    {"EINVAL", EINVAL, 1},
#endif
#ifdef EOVERFLOW
    {"EOVERFLOW", EOVERFLOW, 1},
#endif
#ifdef EADV
    {"EADV", EADV, 1},
#endif
#ifdef EINTR
    {"EINTR", EINTR, 1},
#endif
#ifdef EUSERS
    {"EUSERS", EUSERS, 1},
#endif
#ifdef ENOTEMPTY
    {"ENOTEMPTY", ENOTEMPTY, 1},
#endif
#ifdef ENOBUFS
    {"ENOBUFS", ENOBUFS, 1},
#endif
#ifdef EPROTO
    {"EPROTO", EPROTO, 1},
#endif
#ifdef EREMOTE
    {"EREMOTE", EREMOTE, 1},
#endif
#ifdef ENAVAIL
    {"ENAVAIL", ENAVAIL, 1},
#endif
#ifdef ECHILD
    {"ECHILD", ECHILD, 1},
#endif
#ifdef ELOOP
    {"ELOOP", ELOOP, 1},
#endif
#ifdef EXDEV
    {"EXDEV", EXDEV, 1},
#endif
#ifdef E2BIG
    {"E2BIG", E2BIG, 1},
#endif
#ifdef ESRCH
    {"ESRCH", ESRCH, 1},
#endif
#ifdef EMSGSIZE
    {"EMSGSIZE", EMSGSIZE, 1},
#endif
#ifdef EAFNOSUPPORT
    {"EAFNOSUPPORT", EAFNOSUPPORT, 1},
#endif
#ifdef EBADR
    {"EBADR", EBADR, 1},
#endif
#ifdef EHOSTDOWN
    {"EHOSTDOWN", EHOSTDOWN, 1},
#endif
#ifdef EPFNOSUPPORT
    {"EPFNOSUPPORT", EPFNOSUPPORT, 1},
#endif
#ifdef ENOPROTOOPT
    {"ENOPROTOOPT", ENOPROTOOPT, 1},
#endif
#ifdef EBUSY
    {"EBUSY", EBUSY, 1},
#endif
#ifdef EAGAIN
    {"EAGAIN", EAGAIN, 1},
#endif
#ifdef EBADFD
    {"EBADFD", EBADFD, 1},
#endif
#ifdef EDOTDOT
    {"EDOTDOT", EDOTDOT, 1},
#endif
#ifdef EISCONN
    {"EISCONN", EISCONN, 1},
#endif
#ifdef ENOANO
    {"ENOANO", ENOANO, 1},
#endif
#ifdef ESHUTDOWN
    {"ESHUTDOWN", ESHUTDOWN, 1},
#endif
#ifdef ECHRNG
    {"ECHRNG", ECHRNG, 1},
#endif
#ifdef ELIBBAD
    {"ELIBBAD", ELIBBAD, 1},
#endif
#ifdef ENONET
    {"ENONET", ENONET, 1},
#endif
#ifdef EBADE
    {"EBADE", EBADE, 1},
#endif
#ifdef EBADF
    {"EBADF", EBADF, 1},
#endif
#ifdef EMULTIHOP
    {"EMULTIHOP", EMULTIHOP, 1},
#endif
#ifdef EIO
    {"EIO", EIO, 1},
#endif
#ifdef EUNATCH
    {"EUNATCH", EUNATCH, 1},
#endif
#ifdef EPROTOTYPE
    {"EPROTOTYPE", EPROTOTYPE, 1},
#endif
#ifdef ENOSPC
    {"ENOSPC", ENOSPC, 1},
#endif
#ifdef ENOEXEC
    {"ENOEXEC", ENOEXEC, 1},
#endif
#ifdef EALREADY
    {"EALREADY", EALREADY, 1},
#endif
#ifdef ENETDOWN
    {"ENETDOWN", ENETDOWN, 1},
#endif
#ifdef ENOTNAM
    {"ENOTNAM", ENOTNAM, 1},
#endif
#ifdef EACCES
    {"EACCES", EACCES, 1},
#endif
#ifdef ELNRNG
    {"ELNRNG", ELNRNG, 1},
#endif
#ifdef EILSEQ
    {"EILSEQ", EILSEQ, 1},
#endif
#ifdef ENOTDIR
    {"ENOTDIR", ENOTDIR, 1},
#endif
#ifdef ENOTUNIQ
    {"ENOTUNIQ", ENOTUNIQ, 1},
#endif
#ifdef EPERM
    {"EPERM", EPERM, 1},
#endif
#ifdef EDOM
    {"EDOM", EDOM, 1},
#endif
#ifdef EXFULL
    {"EXFULL", EXFULL, 1},
#endif
#ifdef ECONNREFUSED
    {"ECONNREFUSED", ECONNREFUSED, 1},
#endif
#ifdef EISDIR
    {"EISDIR", EISDIR, 1},
#endif
#ifdef EPROTONOSUPPORT
    {"EPROTONOSUPPORT", EPROTONOSUPPORT, 1},
#endif
#ifdef EROFS
    {"EROFS", EROFS, 1},
#endif
#ifdef EADDRNOTAVAIL
    {"EADDRNOTAVAIL", EADDRNOTAVAIL, 1},
#endif
#ifdef EIDRM
    {"EIDRM", EIDRM, 1},
#endif
#ifdef ECOMM
    {"ECOMM", ECOMM, 1},
#endif
#ifdef ESRMNT
    {"ESRMNT", ESRMNT, 1},
#endif
#ifdef EREMOTEIO
    {"EREMOTEIO", EREMOTEIO, 1},
#endif
#ifdef EL3RST
    {"EL3RST", EL3RST, 1},
#endif
#ifdef EBADMSG
    {"EBADMSG", EBADMSG, 1},
#endif
#ifdef ENFILE
    {"ENFILE", ENFILE, 1},
#endif
#ifdef ELIBMAX
    {"ELIBMAX", ELIBMAX, 1},
#endif
#ifdef ESPIPE
    {"ESPIPE", ESPIPE, 1},
#endif
#ifdef ENOLINK
    {"ENOLINK", ENOLINK, 1},
#endif
#ifdef ENETRESET
    {"ENETRESET", ENETRESET, 1},
#endif
#ifdef ETIMEDOUT
    {"ETIMEDOUT", ETIMEDOUT, 1},
#endif
#ifdef ENOENT
    {"ENOENT", ENOENT, 1},
#endif
#ifdef EEXIST
    {"EEXIST", EEXIST, 1},
#endif
#ifdef EDQUOT
    {"EDQUOT", EDQUOT, 1},
#endif
#ifdef ENOSTR
    {"ENOSTR", ENOSTR, 1},
#endif
#ifdef EBADSLT
    {"EBADSLT", EBADSLT, 1},
#endif
#ifdef EBADRQC
    {"EBADRQC", EBADRQC, 1},
#endif
#ifdef ELIBACC
    {"ELIBACC", ELIBACC, 1},
#endif
#ifdef EFAULT
    {"EFAULT", EFAULT, 1},
#endif
#ifdef EFBIG
    {"EFBIG", EFBIG, 1},
#endif
#ifdef EDEADLOCK
    {"EDEADLOCK", EDEADLOCK, 1},
#endif
#ifdef ENOTCONN
    {"ENOTCONN", ENOTCONN, 1},
#endif
#ifdef EDESTADDRREQ
    {"EDESTADDRREQ", EDESTADDRREQ, 1},
#endif
#ifdef ELIBSCN
    {"ELIBSCN", ELIBSCN, 1},
#endif
#ifdef ENOLCK
    {"ENOLCK", ENOLCK, 1},
#endif
#ifdef EISNAM
    {"EISNAM", EISNAM, 1},
#endif
#ifdef ECONNABORTED
    {"ECONNABORTED", ECONNABORTED, 1},
#endif
#ifdef ENETUNREACH
    {"ENETUNREACH", ENETUNREACH, 1},
#endif
#ifdef ESTALE
    {"ESTALE", ESTALE, 1},
#endif
#ifdef ENOSR
    {"ENOSR", ENOSR, 1},
#endif
#ifdef ENOMEM
    {"ENOMEM", ENOMEM, 1},
#endif
#ifdef ENOTSOCK
    {"ENOTSOCK", ENOTSOCK, 1},
#endif
#ifdef ESTRPIPE
    {"ESTRPIPE", ESTRPIPE, 1},
#endif
#ifdef EMLINK
    {"EMLINK", EMLINK, 1},
#endif
#ifdef ERANGE
    {"ERANGE", ERANGE, 1},
#endif
#ifdef ELIBEXEC
    {"ELIBEXEC", ELIBEXEC, 1},
#endif
#ifdef EL3HLT
    {"EL3HLT", EL3HLT, 1},
#endif
#ifdef ECONNRESET
    {"ECONNRESET", ECONNRESET, 1},
#endif
#ifdef EADDRINUSE
    {"EADDRINUSE", EADDRINUSE, 1},
#endif
#ifdef ENOTSUP
    {"ENOTSUP", ENOTSUP, 1},
#endif
#ifdef EREMCHG
    {"EREMCHG", EREMCHG, 1},
#endif
#ifdef ENAMETOOLONG
    {"ENAMETOOLONG", ENAMETOOLONG, 1},
#endif
#ifdef ENOTTY
    {"ENOTTY", ENOTTY, 1},
#endif
#ifdef ERESTART
    {"ERESTART", ERESTART, 1},
#endif
#ifdef ESOCKTNOSUPPORT
    {"ESOCKTNOSUPPORT", ESOCKTNOSUPPORT, 1},
#endif
#ifdef ETIME
    {"ETIME", ETIME, 1},
#endif
#ifdef EBFONT
    {"EBFONT", EBFONT, 1},
#endif
#ifdef ETOOMANYREFS
    {"ETOOMANYREFS", ETOOMANYREFS, 1},
#endif
#ifdef EMFILE
    {"EMFILE", EMFILE, 1},
#endif
#ifdef ETXTBSY
    {"ETXTBSY", ETXTBSY, 1},
#endif
#ifdef EINPROGRESS
    {"EINPROGRESS", EINPROGRESS, 1},
#endif
#ifdef ENXIO
    {"ENXIO", ENXIO, 1},
#endif
#ifdef ENOPKG
    {"ENOPKG", ENOPKG, 1},
#endif
#ifdef ENOMEDIUM
    {"ENOMEDIUM", ENOMEDIUM, 1},
#endif
#ifdef EMEDIUMTYPE
    {"EMEDIUMTYPE", EMEDIUMTYPE, 1},
#endif
#ifdef ECANCELED
    {"ECANCELED", ECANCELED, 1},
#endif
#ifdef ENOKEY
    {"ENOKEY", ENOKEY, 1},
#endif
#ifdef EKEYEXPIRED
    {"EKEYEXPIRED", EKEYEXPIRED, 1},
#endif
#ifdef EKEYREVOKED
    {"EKEYREVOKED", EKEYREVOKED, 1},
#endif
#ifdef EKEYREJECTED
    {"EKEYREJECTED", EKEYREJECTED, 1},
#endif
#ifdef EOWNERDEAD
    {"EOWNERDEAD", EOWNERDEAD, 1},
#endif
#ifdef ENOTRECOVERABLE
    {"ENOTRECOVERABLE", ENOTRECOVERABLE, 1},
#endif
#ifdef ERFKILL
    {"ERFKILL", ERFKILL, 1},
#endif
#ifdef EDEADLK
    {"EDEADLK", EDEADLK, 0},
#endif
#ifdef EOPNOTSUPP
    {"EOPNOTSUPP", EOPNOTSUPP, 0},
#endif
#ifdef EWOULDBLOCK
    {"EWOULDBLOCK", EWOULDBLOCK, 0},
#endif
    {NULL, 0, 0},
};

ModuleObj *errno_module_init(void)
{
    ModuleObj *m = module_new("errno");
    DictObj *codes = dict_new();
    for (const ErrnoName *e = errno_names; e->name; e++) {
        module_add(m, e->name, V_INT(e->value));
        if (e->in_errorcode &&
            dict_set(codes, V_INT(e->value),
                     V_OBJ(str_intern_cstr(e->name))) < 0)
            return NULL;
    }
    module_add(m, "errorcode", V_OBJ(codes));
    return m;
}
