/* fileio.c - file objects: open(), sys.stdin/stdout/stderr.
 *
 * Buffering is done here, on top of read(2)/write(2) through blocking.h,
 * so every wait goes through the one helper a later phase makes
 * signal-aware.  Text files are UTF-8; reading translates "\r\n" and "\r"
 * to "\n" (universal newlines) as the bytes arrive, so the read buffer of
 * a text file always holds translated bytes.
 */
#include "stdlib/stdlib.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "runtime/blocking.h"

#define CHUNK 8192        /* bytes per read(2) */
#define WBUF_MAX 8192     /* a fuller write buffer is flushed */

FileObj *file_stdin, *file_stdout, *file_stderr;

static StrObj *s_closed, *s_name, *s_mode, *s_encoding, *s_line_buffering;

/* ---------------------------------------------------------------- errors */

Value std_raise_oserror(int errnum, Value filename)
{
    if (IS_NULL(filename))
        return err_from_errno(&exc_OSError, errnum);
    Value args[3] = {V_INT(errnum), V_OBJ(str_from_cstr(strerror(errnum))),
                     filename};
    Value exc = exc_new(exc_oserror_type(errnum), args, 3);
    if (IS_NULL(exc))
        return V_NULL;
    return err_set_exc(exc);
}

/* Turn a failed blk_* result into the exception it stands for. */
static int blk_fail(int r)
{
    if (r == BLK_RAISED)
        return -1;
    std_raise_oserror(errno, V_NULL);
    return -1;
}

static int check_open(FileObj *f)
{
    if (f->flags & FILE_CLOSED) {
        err_set(&exc_ValueError, "I/O operation on closed file.");
        return -1;
    }
    return 0;
}

/* io.UnsupportedOperation.  In CPython it derives from both OSError and
 * ValueError; sigvm has single inheritance, so it is an OSError only. */
static TypeObj *unsupported_type;

static int check_can(FileObj *f, uint32_t flag)
{
    if (check_open(f) < 0)
        return -1;
    if (!(f->flags & flag)) {
        err_set(unsupported_type, flag == FILE_READ ? "not readable"
                                                    : "not writable");
        return -1;
    }
    return 0;
}

/* ---------------------------------------------------------------- writing */

static int write_through(FileObj *f, const char *p, size_t n)
{
    size_t done = 0;
    int r = blk_write_all(f->fd, p, n, &done);
    return r < 0 ? blk_fail(r) : 0;
}

/* Put the unwritten tail of a detached buffer back in front of whatever
 * other threads wrote while it was out. */
static void file_restore_tail(FileObj *f, char *buf, size_t cap, size_t rest)
{
    if (f->wlen > 0 && rest + f->wlen > cap) {
        char *nb = realloc(f->wbuf, rest + f->wlen);
        if (nb == NULL) {
            free(buf); /* out of memory: the tail is lost, not the rest */
            return;
        }
        memmove(nb + rest, nb, f->wlen);
        memcpy(nb, buf, rest);
        free(buf);
        f->wbuf = nb;
        f->wcap = rest + f->wlen;
        f->wlen += rest;
        return;
    }
    if (f->wlen > 0)
        memcpy(buf + rest, f->wbuf, f->wlen);
    free(f->wbuf);
    f->wbuf = buf;
    f->wcap = cap;
    f->wlen += rest;
}

int file_flush(FileObj *f)
{
    if (f->wlen == 0 || (f->flags & FILE_CLOSED))
        return 0;
    /* Detach the pending bytes first: the write releases the GIL, and
     * another thread printing to this file meanwhile must fill a buffer
     * of its own rather than grow (and move) this one under the write. */
    char *buf = f->wbuf;
    size_t len = f->wlen, cap = f->wcap, done = 0;
    f->wbuf = NULL;
    f->wlen = f->wcap = 0;
    int r = blk_write_all(f->fd, buf, len, &done);
    if (r == BLK_RAISED) {
        /* A signal handler raised: keep what did not get out, as a
         * retried flush may still deliver it. */
        memmove(buf, buf + done, len - done);
        file_restore_tail(f, buf, cap, len - done);
        return -1;
    }
    /* On an OS error the data is dropped, so that a broken pipe is
     * reported once instead of at every later write.  Reuse the buffer
     * unless another thread started a new one meanwhile. */
    file_restore_tail(f, buf, cap, 0);
    return r < 0 ? blk_fail(r) : 0;
}

/* Before writing to a file that has read ahead, move the descriptor back
 * to the logical position (approximate for translated text). */
static void drop_read_ahead(FileObj *f)
{
    if (f->rlen > f->rpos)
        lseek(f->fd, -(off_t)(f->rlen - f->rpos), SEEK_CUR);
    f->rpos = f->rlen = 0;
    f->flags &= ~(uint32_t)(FILE_EOF | FILE_SKIP_LF);
}

int file_write_raw(FileObj *f, const char *p, size_t n)
{
    if (f->rlen)
        drop_read_ahead(f);
    if (f->wlen + n > WBUF_MAX && f->wlen > 0 && file_flush(f) < 0)
        return -1;
    if (n >= WBUF_MAX)
        return write_through(f, p, n);
    if (f->wlen + n > f->wcap) {
        size_t cap = f->wcap ? f->wcap * 2 : 256;
        while (cap < f->wlen + n)
            cap *= 2;
        char *nb = realloc(f->wbuf, cap);
        if (!nb) {
            err_no_memory();
            return -1;
        }
        f->wbuf = nb;
        f->wcap = cap;
    }
    memcpy(f->wbuf + f->wlen, p, n);
    f->wlen += n;
    return 0;
}

int file_write_done(FileObj *f, int had_newline, int force_flush)
{
    if (force_flush || (f->flags & FILE_UNBUF) ||
        (had_newline && (f->flags & FILE_LINEBUF)))
        return file_flush(f);
    return 0;
}

int file_write(FileObj *f, const char *p, size_t n)
{
    if (check_can(f, FILE_WRITE) < 0 || file_write_raw(f, p, n) < 0)
        return -1;
    int nl = (f->flags & FILE_LINEBUF) && memchr(p, '\n', n) != NULL;
    return file_write_done(f, nl, 0);
}

/* ---------------------------------------------------------------- reading */

/* Translate "\r\n" and "\r" to "\n" in p[0..n) in place; returns the new
 * length.  A "\r" at the very end becomes "\n" at once (so an interactive
 * line ending in "\r" is not held back) and FILE_SKIP_LF drops the "\n"
 * that may start the next chunk. */
static size_t translate_newlines(FileObj *f, char *p, size_t n)
{
    size_t i = 0, w = 0;
    if ((f->flags & FILE_SKIP_LF) && n > 0) {
        f->flags &= ~(uint32_t)FILE_SKIP_LF;
        if (p[0] == '\n')
            i = 1;
    }
    if (!memchr(p + i, '\r', n - i)) {
        if (i)
            memmove(p, p + 1, n - 1);
        return n - i;
    }
    for (; i < n; i++) {
        char c = p[i];
        if (c == '\r') {
            c = '\n';
            if (i + 1 < n && p[i + 1] == '\n')
                i++;
            else if (i + 1 == n)
                f->flags |= FILE_SKIP_LF;
        }
        p[w++] = c;
    }
    return w;
}

static int reserve_read(FileObj *f, size_t extra)
{
    if (f->rpos > 0) {
        memmove(f->rbuf, f->rbuf + f->rpos, f->rlen - f->rpos);
        f->rlen -= f->rpos;
        f->rpos = 0;
    }
    if (f->rlen + extra <= f->rcap)
        return 0;
    size_t cap = f->rcap ? f->rcap : CHUNK;
    while (cap < f->rlen + extra)
        cap *= 2;
    char *nb = realloc(f->rbuf, cap);
    if (!nb) {
        err_no_memory();
        return -1;
    }
    f->rbuf = nb;
    f->rcap = cap;
    return 0;
}

/* Read one more chunk: 1 when read(2) gave bytes (the translated chunk may
 * still be empty), 0 at end of file, -1 on error. */
static int fill(FileObj *f)
{
    if (f->flags & FILE_EOF)
        return 0;
    if (f->wlen && file_flush(f) < 0)
        return -1;
    if (reserve_read(f, CHUNK) < 0)
        return -1;
    ssize_t n = 0;
    int r = blk_read(f->fd, f->rbuf + f->rlen, f->rcap - f->rlen, &n);
    if (r < 0)
        return blk_fail(r);
    if (n == 0) {
        f->flags |= FILE_EOF;
        return 0;
    }
    size_t got = (size_t)n;
    if ((f->flags & FILE_TEXT) && !(f->flags & FILE_RAW_NL))
        got = translate_newlines(f, f->rbuf + f->rlen, got);
    f->rlen += got;
    return 1;
}

/* Length of the UTF-8 sequence p[0..n) starts with: > 0 when complete and
 * valid, 0 when the bytes so far are a valid but incomplete prefix, -1
 * invalid start byte, -2 invalid continuation byte. */
static int utf8_seq(const uint8_t *p, size_t n)
{
    uint8_t c = p[0];
    int len;
    uint8_t lo = 0x80, hi = 0xbf;
    if (c < 0x80)
        return 1;
    if (c < 0xc2 || c > 0xf4)
        return -1;
    len = c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
    if (c == 0xe0) lo = 0xa0;
    if (c == 0xed) hi = 0x9f;
    if (c == 0xf0) lo = 0x90;
    if (c == 0xf4) hi = 0x8f;
    for (int i = 1; i < len; i++) {
        if ((size_t)i >= n)
            return 0;
        uint8_t lim_lo = i == 1 ? lo : 0x80, lim_hi = i == 1 ? hi : 0xbf;
        if (p[i] < lim_lo || p[i] > lim_hi)
            return -2;
    }
    return len;
}

static Value decode_error(const uint8_t *p, size_t at, int why)
{
    const char *reason = why == -1   ? "invalid start byte"
                         : why == -2 ? "invalid continuation byte"
                                     : "unexpected end of data";
    return err_set(&exc_UnicodeDecodeError,
                   "'utf-8' codec can't decode byte 0x%02x in position %zu: %s",
                   p[at], at, reason);
}

/* Make a str of p[0..n), which must be complete, valid UTF-8. */
static Value decode(const char *p, size_t n)
{
    const uint8_t *u = (const uint8_t *)p;
    for (size_t i = 0; i < n;) {
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        int len = utf8_seq(u + i, n - i);
        if (len <= 0)
            return decode_error(u, i, len);
        i += (size_t)len;
    }
    return V_OBJ(str_new(p, n));
}

/* Take `n` bytes off the front of the read buffer as str or bytes. */
static Value take(FileObj *f, size_t n)
{
    const char *p = f->rbuf ? f->rbuf + f->rpos : "";
    Value v = (f->flags & FILE_TEXT) ? decode(p, n)
                                     : V_OBJ(bytes_new(p, n));
    if (!IS_NULL(v))
        f->rpos += n;
    return v;
}

/* Where, from rpos, `nchars` code points end; 0 when the buffer does not
 * yet hold them all (or a trailing sequence is incomplete). */
static size_t chars_end(FileObj *f, int64_t nchars, int at_eof)
{
    const uint8_t *u = (const uint8_t *)f->rbuf + f->rpos;
    size_t avail = f->rlen - f->rpos, i = 0;
    for (int64_t k = 0; k < nchars; k++) {
        if (i >= avail)
            return at_eof ? i : 0;
        int len = u[i] < 0x80 ? 1 : utf8_seq(u + i, avail - i);
        if (len == 0)
            return at_eof ? avail : 0;
        i += len < 0 ? 1 : (size_t)len; /* decode() reports bad bytes */
    }
    return i;
}

static Value read_all(FileObj *f)
{
    int r;
    while ((r = fill(f)) > 0)
        ;
    if (r < 0)
        return V_NULL;
    return take(f, f->rlen - f->rpos);
}

static Value read_n(FileObj *f, int64_t n)
{
    for (;;) {
        size_t avail = f->rlen - f->rpos, end;
        if (f->flags & FILE_TEXT)
            end = chars_end(f, n, (f->flags & FILE_EOF) != 0);
        else
            end = avail >= (size_t)n || (f->flags & FILE_EOF)
                      ? (avail < (size_t)n ? avail : (size_t)n) : 0;
        if (end > 0 || n == 0 || (f->flags & FILE_EOF))
            return take(f, end);
        if (fill(f) < 0)
            return V_NULL;
    }
}

/* Where a readline(limit) must stop short of a newline: the byte end of
 * `limit` characters, or 0 when the buffer does not hold that many yet. */
static size_t limit_end(FileObj *f, int64_t limit)
{
    size_t avail = f->rlen - f->rpos;
    int eof = (f->flags & FILE_EOF) != 0;
    if (f->flags & FILE_TEXT)
        return chars_end(f, limit, eof);
    if (avail >= (size_t)limit)
        return (size_t)limit;
    return eof ? avail : 0;
}

Value file_readline(FileObj *f, int64_t limit)
{
    size_t scanned = 0; /* bytes after rpos known to hold no newline */
    if (limit == 0)
        return take(f, 0);
    for (;;) {
        const char *p = f->rbuf ? f->rbuf + f->rpos : "";
        size_t avail = f->rlen - f->rpos;
        const char *nl = memchr(p + scanned, '\n', avail - scanned);
        size_t end = nl ? (size_t)(nl - p) + 1 : 0;
        if (limit > 0) {
            size_t lim = limit_end(f, limit);
            if (lim && (!end || end > lim))
                return take(f, lim);
        }
        if (end)
            return take(f, end);
        if (f->flags & FILE_EOF)
            return take(f, avail);
        scanned = avail;
        if (fill(f) < 0)
            return V_NULL;
    }
}

/* ---------------------------------------------------------------- objects */

static TypeObj *type_for(uint32_t flags)
{
    if (flags & FILE_TEXT)
        return &file_text_type;
    if ((flags & FILE_READ) && (flags & FILE_WRITE))
        return &file_random_type;
    return (flags & FILE_READ) ? &file_reader_type : &file_writer_type;
}

int file_check(Value v)
{
    if (!IS_OBJ(v))
        return 0;
    TypeObj *t = OBJ_TYPE(AS_OBJ(v));
    return t == &file_text_type || t == &file_reader_type ||
           t == &file_writer_type || t == &file_random_type;
}

/* FILE_* access flags of an open() mode string; -1 with ValueError. */
static int parse_mode(const char *mode, uint32_t *flags, int *oflags)
{
    int seen[128] = {0}, rwax = 0;
    for (const char *c = mode; *c; c++) {
        if (!strchr("rwaxbt+", *c) || seen[(unsigned char)*c]++) {
            err_set(&exc_ValueError, "invalid mode: '%s'", mode);
            return -1;
        }
        rwax += strchr("rwax", *c) != NULL;
    }
    if (seen['t'] && seen['b']) {
        err_set(&exc_ValueError, "can't have text and binary mode at once");
        return -1;
    }
    if (rwax != 1) {
        err_set(&exc_ValueError,
                "must have exactly one of create/read/write/append mode");
        return -1;
    }
    *flags = seen['b'] ? 0 : FILE_TEXT;
    *flags |= seen['r'] ? FILE_READ : FILE_WRITE;
    *flags |= seen['a'] ? FILE_APPEND : 0;
    if (seen['+'])
        *flags |= FILE_READ | FILE_WRITE;
    int acc = seen['+'] ? O_RDWR : seen['r'] ? O_RDONLY : O_WRONLY;
    *oflags = acc | O_CLOEXEC | (seen['w'] ? O_CREAT | O_TRUNC : 0) |
              (seen['a'] ? O_CREAT | O_APPEND : 0) |
              (seen['x'] ? O_CREAT | O_EXCL : 0);
    return 0;
}

/* The mode a binary file reports: "rb", "wb", "ab", "xb", "rb+" ... */
static StrObj *binary_mode_name(const char *mode)
{
    char buf[4] = {0};
    buf[0] = strchr(mode, 'r') ? 'r' : strchr(mode, 'w') ? 'w'
             : strchr(mode, 'a') ? 'a' : 'x';
    buf[1] = 'b';
    buf[2] = strchr(mode, '+') ? '+' : 0;
    return str_from_cstr(buf);
}

FileObj *file_from_fd(int fd, Value name, const char *mode,
                      uint32_t extra_flags)
{
    uint32_t flags;
    int oflags;
    if (parse_mode(mode, &flags, &oflags) < 0)
        return NULL;
    flags |= extra_flags;
    FileObj *f = gc_alloc(type_for(flags), sizeof(FileObj));
    f->fd = fd;
    f->flags = flags;
    f->name = name;
    f->mode = (flags & FILE_TEXT) ? str_from_cstr(mode)
                                  : binary_mode_name(mode);
    f->encoding = "UTF-8";
    return f;
}

static int is_utf8_name(const char *e)
{
    static const char *const names[] = {"utf-8", "utf8", "utf_8", "u8",
                                        "utf", "cp65001", NULL};
    for (int i = 0; names[i]; i++)
        if (strcasecmp(e, names[i]) == 0)
            return 1;
    return 0;
}

typedef struct OpenArgs {
    Value file, mode, buffering, encoding, errors, newline, closefd, opener;
} OpenArgs;

static int check_text_options(OpenArgs *a, uint32_t flags)
{
    int text = (flags & FILE_TEXT) != 0;
    const char *what = NULL;
    if (!text && !IS_NONE(a->encoding)) what = "an encoding";
    else if (!text && !IS_NONE(a->errors)) what = "an errors";
    else if (!text && !IS_NONE(a->newline)) what = "a newline";
    if (what) {
        err_set(&exc_ValueError, "binary mode doesn't take %s argument", what);
        return -1;
    }
    if (!IS_NONE(a->encoding)) {
        StrObj *e;
        if (args_str("open", 4, a->encoding, &e) < 0)
            return -1;
        if (!is_utf8_name(STR_CSTR(e))) {
            err_set(&exc_LookupError, "unknown encoding: %s", STR_CSTR(e));
            return -1;
        }
    }
    if (!IS_NONE(a->newline)) {
        StrObj *nl;
        if (args_str("open", 6, a->newline, &nl) < 0)
            return -1;
        if (nl->nbytes > 1 || (nl->nbytes == 1 && nl->data[0] != '\n')) {
            err_set(&exc_ValueError, "illegal newline value: %s",
                    STR_CSTR(nl));
            return -1;
        }
    }
    return 0;
}

static int open_fd(OpenArgs *a, int oflags)
{
    if (IS_INTLIKE(a->file))
        return (int)AS_INT(a->file);
    if (!IS_NONE(a->opener)) {
        Value fdv = obj_call2(a->opener, a->file, V_INT(oflags));
        int64_t fd;
        if (IS_NULL(fdv) || args_int64(fdv, &fd) < 0)
            return -1;
        return (int)fd;
    }
    const char *path = IS_TYPE(a->file, str_type)
                           ? STR_CSTR((StrObj *)AS_OBJ(a->file))
                           : (const char *)((BytesObj *)AS_OBJ(a->file))->data;
    int fd;
    do
        fd = open(path, oflags, 0666);
    while (fd < 0 && errno == EINTR);
    if (fd < 0) {
        std_raise_oserror(errno, a->file);
        return -1;
    }
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        close(fd);
        std_raise_oserror(EISDIR, a->file);
        return -1;
    }
    return fd;
}

static int check_file_arg(OpenArgs *a)
{
    if (IS_INTLIKE(a->file) || IS_TYPE(a->file, str_type) ||
        IS_TYPE(a->file, bytes_type))
        return 0;
    err_set(&exc_TypeError,
            "expected str, bytes or os.PathLike object, not %s",
            val_type_name(a->file));
    return -1;
}

static int buffering_flags(OpenArgs *a, uint32_t flags, uint32_t *extra)
{
    int64_t b = -1;
    if (!IS_NULL(a->buffering) && args_int64(a->buffering, &b) < 0)
        return -1;
    if (b == 0 && (flags & FILE_TEXT)) {
        err_set(&exc_ValueError, "can't have unbuffered text I/O");
        return -1;
    }
    *extra = b == 0 ? FILE_UNBUF : (b == 1 && (flags & FILE_TEXT))
                                       ? FILE_LINEBUF : 0;
    return 0;
}

Value file_open(Value *args, int nargs, TupleObj *kwnames)
{
    static const char *const names[] = {"file", "mode", "buffering",
        "encoding", "errors", "newline", "closefd", "opener"};
    OpenArgs a;
    Value *out = (Value *)&a;
    if (args_bind("open", args, nargs, kwnames, names, 8, 8, 1, out) < 0)
        return V_NULL;
    for (int i = 3; i < 8; i++)
        if (IS_NULL(out[i]))
            out[i] = i == 6 ? V_TRUE : V_NONE;
    StrObj *mode = NULL;
    if (!IS_NULL(a.mode) && !IS_TYPE(a.mode, str_type))
        return err_set(&exc_TypeError,
                       "open() argument 'mode' must be str, not %s",
                       val_type_name(a.mode));
    mode = IS_NULL(a.mode) ? NULL : (StrObj *)AS_OBJ(a.mode);
    const char *m = mode ? STR_CSTR(mode) : "r";
    uint32_t flags, extra;
    int oflags;
    if (check_file_arg(&a) < 0 || parse_mode(m, &flags, &oflags) < 0 ||
        buffering_flags(&a, flags, &extra) < 0 ||
        check_text_options(&a, flags) < 0)
        return V_NULL;
    int closefd = obj_truthy(a.closefd);
    if (!closefd && !IS_INTLIKE(a.file))
        return err_set(&exc_ValueError,
                       "Cannot use closefd=False with file name");
    int fd = open_fd(&a, oflags);
    if (fd < 0)
        return V_NULL;
    FileObj *f = file_from_fd(fd, a.file, m, extra | (closefd ? FILE_CLOSEFD : 0));
    if (!f)
        return V_NULL;
    if (!IS_NONE(a.encoding))
        f->encoding = STR_CSTR((StrObj *)AS_OBJ(a.encoding));
    if (!IS_NONE(a.newline))
        f->flags |= FILE_RAW_NL;
    if (flags & FILE_APPEND)
        lseek(fd, 0, SEEK_END);
    return V_OBJ(f);
}

int file_close(FileObj *f)
{
    if (f->flags & FILE_CLOSED)
        return 0;
    int r = file_flush(f);
    if (f->flags & FILE_CLOSEFD)
        close(f->fd);
    f->flags |= FILE_CLOSED;
    free(f->wbuf);
    free(f->rbuf);
    f->wbuf = f->rbuf = NULL;
    f->wlen = f->wcap = f->rpos = f->rlen = f->rcap = 0;
    return r;
}

/* ---------------------------------------------------------------- slots */

static void file_trace(Obj *o)
{
    FileObj *f = (FileObj *)o;
    gc_mark_value(f->name);
    gc_mark_obj((Obj *)f->mode);
}

/* An unreachable open file still delivers its output, as CPython's
 * dealloc does; this runs inside the collector, so it writes directly
 * (no GIL hand-off, no exception). */
static void file_finalize(Obj *o)
{
    FileObj *f = (FileObj *)o;
    if (!(f->flags & FILE_CLOSED)) {
        size_t off = 0;
        while (off < f->wlen) {
            ssize_t n = write(f->fd, f->wbuf + off, f->wlen - off);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                break;
            off += (size_t)n;
        }
        if (f->flags & FILE_CLOSEFD)
            close(f->fd);
    }
    free(f->wbuf);
    free(f->rbuf);
}

static Value file_repr(Value self)
{
    FileObj *f = (FileObj *)AS_OBJ(self);
    Value name = obj_repr(f->name);
    if (IS_NULL(name))
        return V_NULL;
    const char *n = STR_CSTR((StrObj *)AS_OBJ(name));
    if (f->flags & FILE_TEXT)
        return V_OBJ(str_printf("<_io.TextIOWrapper name=%s mode='%s' "
                                "encoding='%s'>", n, STR_CSTR(f->mode),
                                f->encoding));
    return V_OBJ(str_printf("<_io.%s name=%s>", OBJ_TYPE(f)->name, n));
}

static Value file_getattr(Value self, StrObj *name)
{
    FileObj *f = (FileObj *)AS_OBJ(self);
    if (name == s_closed)
        return V_BOOL(f->flags & FILE_CLOSED);
    if (name == s_name)
        return f->name;
    if (name == s_mode)
        return V_OBJ(f->mode);
    if (name == s_encoding && (f->flags & FILE_TEXT))
        return V_OBJ(str_from_cstr(f->encoding));
    if (name == s_line_buffering && (f->flags & FILE_TEXT))
        return V_BOOL(f->flags & FILE_LINEBUF);
    return obj_generic_getattr(self, name);
}

static Value file_iter(Value self)
{
    if (check_open((FileObj *)AS_OBJ(self)) < 0)
        return V_NULL;
    return self;
}

static Value file_next(Value self)
{
    FileObj *f = (FileObj *)AS_OBJ(self);
    if (check_can(f, FILE_READ) < 0)
        return V_NULL;
    Value line = file_readline(f, -1);
    if (IS_NULL(line))
        return V_NULL;
    if (obj_len(line) == 0)
        return V_NULL; /* exhausted, no exception */
    return line;
}

/* ---------------------------------------------------------------- methods */

/* Check self and the count of the other arguments; returns the file.
 * The qualified name for messages is built only when there is an error:
 * sys.stdout.write is a hot path. */
static FileObj *self_file(Value *args, int nargs, TupleObj *kwnames,
                          const char *meth, int min, int max)
{
    if (nargs < 1 || !file_check(args[0])) {
        err_set(&exc_TypeError, "descriptor '%s' requires a file object",
                meth);
        return NULL;
    }
    FileObj *f = (FileObj *)AS_OBJ(args[0]);
    int n = nargs - 1;
    if ((!kwnames || kwnames->n == 0) && n >= min && (max < 0 || n <= max))
        return f;
    char fname[64];
    snprintf(fname, sizeof fname, "%s.%s", OBJ_TYPE(f)->name, meth);
    if (args_no_kw(fname, kwnames) < 0 || args_count(fname, n, min, max) < 0)
        return NULL;
    return f;
}

/* An optional size argument: None or absent is -1. */
static int size_arg(Value *args, int nargs, int64_t *size)
{
    *size = -1;
    if (nargs < 2 || IS_NONE(args[1]))
        return 0;
    return args_int64(args[1], size);
}

static Value m_read(Value *args, int nargs, TupleObj *kwnames)
{
    FileObj *f = self_file(args, nargs, kwnames, "read", 0, 1);
    int64_t n;
    if (!f || size_arg(args, nargs, &n) < 0 || check_can(f, FILE_READ) < 0)
        return V_NULL;
    if (n < -1)
        return err_set(&exc_ValueError,
                       "read length must be non-negative or -1");
    return n < 0 ? read_all(f) : read_n(f, n);
}

static Value m_readline(Value *args, int nargs, TupleObj *kwnames)
{
    FileObj *f = self_file(args, nargs, kwnames, "readline", 0, 1);
    int64_t n;
    if (!f || size_arg(args, nargs, &n) < 0 || check_can(f, FILE_READ) < 0)
        return V_NULL;
    return file_readline(f, n);
}

static Value m_readlines(Value *args, int nargs, TupleObj *kwnames)
{
    FileObj *f = self_file(args, nargs, kwnames, "readlines", 0, 1);
    int64_t hint;
    if (!f || size_arg(args, nargs, &hint) < 0 || check_can(f, FILE_READ) < 0)
        return V_NULL;
    ListObj *lines = list_new(0);
    int64_t total = 0;
    for (;;) {
        Value line = file_readline(f, -1);
        if (IS_NULL(line))
            return V_NULL;
        int64_t n = obj_len(line);
        if (n == 0)
            break;
        if (list_append(lines, line) < 0)
            return V_NULL;
        total += n;
        if (hint > 0 && total >= hint)
            break;
    }
    return V_OBJ(lines);
}

/* The bytes a write() of v puts out, with CPython's type errors. */
static int write_payload(FileObj *f, Value v, const char **p, size_t *n,
                         int64_t *count)
{
    if (f->flags & FILE_TEXT) {
        if (!IS_OBJ(v) || !val_isinstance(v, &str_type)) {
            err_set(&exc_TypeError, "write() argument must be str, not %s",
                    val_type_name(v));
            return -1;
        }
        StrObj *s = (StrObj *)AS_OBJ(v);
        *p = STR_CSTR(s);
        *n = s->nbytes;
        *count = (int64_t)s->nchars;
        return 0;
    }
    if (!IS_OBJ(v) || !val_isinstance(v, &bytes_type)) {
        err_set(&exc_TypeError, "a bytes-like object is required, not '%s'",
                val_type_name(v));
        return -1;
    }
    BytesObj *b = (BytesObj *)AS_OBJ(v);
    *p = (const char *)b->data;
    *n = b->n;
    *count = (int64_t)b->n;
    return 0;
}

static Value m_write(Value *args, int nargs, TupleObj *kwnames)
{
    FileObj *f = self_file(args, nargs, kwnames, "write", 1, 1);
    const char *p;
    size_t n;
    int64_t count;
    if (!f || check_can(f, FILE_WRITE) < 0 ||
        write_payload(f, args[1], &p, &n, &count) < 0 ||
        file_write(f, p, n) < 0)
        return V_NULL;
    return V_INT(count);
}

static Value m_writelines(Value *args, int nargs, TupleObj *kwnames)
{
    FileObj *f = self_file(args, nargs, kwnames, "writelines", 1, 1);
    if (!f || check_can(f, FILE_WRITE) < 0)
        return V_NULL;
    Value it = obj_iter(args[1]);
    if (IS_NULL(it))
        return V_NULL;
    gc_root_push(&it);
    Value item;
    int ok = 1;
    while (ok && !IS_NULL(item = obj_next(it))) {
        const char *p;
        size_t n;
        int64_t count;
        ok = write_payload(f, item, &p, &n, &count) == 0 &&
             file_write(f, p, n) == 0;
    }
    gc_root_pop(1);
    if (!ok || err_occurred())
        return V_NULL;
    return V_NONE;
}

static Value m_flush(Value *args, int nargs, TupleObj *kwnames)
{
    FileObj *f = self_file(args, nargs, kwnames, "flush", 0, 0);
    if (!f || check_open(f) < 0 || file_flush(f) < 0)
        return V_NULL;
    return V_NONE;
}

static Value m_close(Value *args, int nargs, TupleObj *kwnames)
{
    FileObj *f = self_file(args, nargs, kwnames, "close", 0, 0);
    if (!f || file_close(f) < 0)
        return V_NULL;
    return V_NONE;
}

static Value m_fileno(Value *args, int nargs, TupleObj *kwnames)
{
    FileObj *f = self_file(args, nargs, kwnames, "fileno", 0, 0);
    if (!f || check_open(f) < 0)
        return V_NULL;
    return V_INT(f->fd);
}

static Value m_isatty(Value *args, int nargs, TupleObj *kwnames)
{
    FileObj *f = self_file(args, nargs, kwnames, "isatty", 0, 0);
    if (!f || check_open(f) < 0)
        return V_NULL;
    return V_BOOL(isatty(f->fd));
}

static Value m_readable(Value *args, int nargs, TupleObj *kwnames)
{
    FileObj *f = self_file(args, nargs, kwnames, "readable", 0, 0);
    if (!f || check_open(f) < 0)
        return V_NULL;
    return V_BOOL(f->flags & FILE_READ);
}

static Value m_writable(Value *args, int nargs, TupleObj *kwnames)
{
    FileObj *f = self_file(args, nargs, kwnames, "writable", 0, 0);
    if (!f || check_open(f) < 0)
        return V_NULL;
    return V_BOOL(f->flags & FILE_WRITE);
}

static Value m_seekable(Value *args, int nargs, TupleObj *kwnames)
{
    FileObj *f = self_file(args, nargs, kwnames, "seekable", 0, 0);
    if (!f || check_open(f) < 0)
        return V_NULL;
    return V_BOOL(lseek(f->fd, 0, SEEK_CUR) >= 0);
}

static Value m_tell(Value *args, int nargs, TupleObj *kwnames)
{
    FileObj *f = self_file(args, nargs, kwnames, "tell", 0, 0);
    if (!f || check_open(f) < 0)
        return V_NULL;
    off_t pos = lseek(f->fd, 0, SEEK_CUR);
    if (pos < 0)
        return std_raise_oserror(errno, V_NULL);
    return V_INT((int64_t)pos - (int64_t)(f->rlen - f->rpos) +
                 (int64_t)f->wlen);
}

static Value m_seek(Value *args, int nargs, TupleObj *kwnames)
{
    FileObj *f = self_file(args, nargs, kwnames, "seek", 1, 2);
    int64_t off, whence = SEEK_SET;
    if (!f || check_open(f) < 0 || args_int64(args[1], &off) < 0 ||
        (nargs > 2 && args_int64(args[2], &whence) < 0))
        return V_NULL;
    if (file_flush(f) < 0)
        return V_NULL;
    if (whence == SEEK_CUR)
        off -= (int64_t)(f->rlen - f->rpos);
    f->rpos = f->rlen = 0;
    f->flags &= ~(uint32_t)(FILE_EOF | FILE_SKIP_LF);
    off_t pos = lseek(f->fd, (off_t)off, (int)whence);
    if (pos < 0)
        return std_raise_oserror(errno, V_NULL);
    return V_INT((int64_t)pos);
}

static Value m_enter(Value *args, int nargs, TupleObj *kwnames)
{
    FileObj *f = self_file(args, nargs, kwnames, "__enter__", 0, 0);
    if (!f || check_open(f) < 0)
        return V_NULL;
    return args[0];
}

static Value m_exit(Value *args, int nargs, TupleObj *kwnames)
{
    FileObj *f = self_file(args, nargs, kwnames, "__exit__", 0, -1);
    if (!f || file_close(f) < 0)
        return V_NULL;
    return V_NONE;
}

static Value m_iter(Value *args, int nargs, TupleObj *kwnames)
{
    FileObj *f = self_file(args, nargs, kwnames, "__iter__", 0, 0);
    return f ? file_iter(args[0]) : V_NULL;
}

static Value m_next(Value *args, int nargs, TupleObj *kwnames)
{
    FileObj *f = self_file(args, nargs, kwnames, "__next__", 0, 0);
    if (!f)
        return V_NULL;
    Value line = file_next(args[0]);
    if (IS_NULL(line) && !err_occurred())
        return err_set_obj(&exc_StopIteration, V_NONE);
    return line;
}

static const MethodDef file_methods[] = {
    {"read", m_read, NATIVE_METHOD},
    {"readline", m_readline, NATIVE_METHOD},
    {"readlines", m_readlines, NATIVE_METHOD},
    {"write", m_write, NATIVE_METHOD},
    {"writelines", m_writelines, NATIVE_METHOD},
    {"flush", m_flush, NATIVE_METHOD},
    {"close", m_close, NATIVE_METHOD},
    {"fileno", m_fileno, NATIVE_METHOD},
    {"isatty", m_isatty, NATIVE_METHOD},
    {"readable", m_readable, NATIVE_METHOD},
    {"writable", m_writable, NATIVE_METHOD},
    {"seekable", m_seekable, NATIVE_METHOD},
    {"seek", m_seek, NATIVE_METHOD},
    {"tell", m_tell, NATIVE_METHOD},
    {"__enter__", m_enter, NATIVE_METHOD},
    {"__exit__", m_exit, NATIVE_METHOD},
    {"__iter__", m_iter, NATIVE_METHOD},
    {"__next__", m_next, NATIVE_METHOD},
    {NULL, NULL, 0},
};

#define FILE_TYPE(cname, pyname) \
    TypeObj cname = { \
        TYPE_OBJ_HEAD, \
        .name = pyname, \
        .base = &object_type, \
        .instance_size = sizeof(FileObj), \
        .trace = file_trace, \
        .finalize = file_finalize, \
        .repr = file_repr, \
        .getattr = file_getattr, \
        .iter = file_iter, \
        .next = file_next, \
    };

FILE_TYPE(file_text_type, "TextIOWrapper")
FILE_TYPE(file_reader_type, "BufferedReader")
FILE_TYPE(file_writer_type, "BufferedWriter")
FILE_TYPE(file_random_type, "BufferedRandom")

static void file_roots(void)
{
    gc_mark_obj((Obj *)unsupported_type);
}

static void make_unsupported_type(void)
{
    DictObj *ns = dict_new();
    dict_set_str(ns, rt_names.module, V_OBJ(str_intern_cstr("io")));
    StrObj *name = str_intern_cstr("UnsupportedOperation");
    Value t = type_new_class(name, name, &exc_OSError, ns);
    unsupported_type = IS_NULL(t) ? &exc_OSError : (TypeObj *)AS_OBJ(t);
    err_clear();
    gc_register_roots(file_roots);
}

void file_init(void)
{
    make_unsupported_type();
    TypeObj *types[] = {&file_text_type, &file_reader_type,
                        &file_writer_type, &file_random_type};
    for (int i = 0; i < 4; i++) {
        types[i]->name_str = str_intern_cstr(types[i]->name);
        types[i]->module = str_intern_cstr("_io");
        type_add_methods(types[i], file_methods);
    }
    s_closed = str_intern_cstr("closed");
    s_name = str_intern_cstr("name");
    s_mode = str_intern_cstr("mode");
    s_encoding = str_intern_cstr("encoding");
    s_line_buffering = str_intern_cstr("line_buffering");
}
