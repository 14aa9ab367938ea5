/* Unit tests for stdlib/fileio.c (file objects, open) and the print and
 * sys.stdout paths built on it. */
#include <criterion/criterion.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "runtime/runtime.h"
#include "stdlib/stdlib.h"

static char dir[64];

static void setup(void)
{
    static char prog[] = "test_fileio";
    static char *argv[] = {prog, NULL};
    rt_init();
    std_init(1, argv, 0);
    strcpy(dir, "/tmp/sigvm-fileio-XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
}

static void teardown(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
}

TestSuite(fileio, .init = setup, .fini = teardown);

static const char *path_of(const char *name)
{
    static char buf[128];
    snprintf(buf, sizeof buf, "%s/%s", dir, name);
    return buf;
}

static void put_file(const char *name, const char *data, size_t n)
{
    int fd = open(path_of(name), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    cr_assert_geq(fd, 0);
    cr_assert_eq(write(fd, data, n), (ssize_t)n);
    close(fd);
}

/* The file's bytes as the OS has them now (not what sits in a buffer). */
static size_t get_file(const char *name, char *buf, size_t cap)
{
    int fd = open(path_of(name), O_RDONLY);
    cr_assert_geq(fd, 0);
    ssize_t n = read(fd, buf, cap - 1);
    close(fd);
    cr_assert_geq(n, 0);
    buf[n] = 0;
    return (size_t)n;
}

static Value str(const char *s)
{
    return V_OBJ(str_from_cstr(s));
}

static const char *cstr(Value v)
{
    cr_assert(IS_TYPE(v, str_type), "not a str");
    return STR_CSTR((StrObj *)AS_OBJ(v));
}

static Value builtin(const char *name)
{
    Value f = dict_get_cstr(std_builtins(), name);
    cr_assert(!IS_NULL(f), "no builtin %s", name);
    return f;
}

static Value open_file(const char *name, const char *mode)
{
    Value args[2] = {str(path_of(name)), str(mode)};
    return obj_call(builtin("open"), args, 2, NULL);
}

static Value call(Value f, const char *meth, Value arg)
{
    return obj_call_method(f, meth, &arg, IS_NULL(arg) ? 0 : 1);
}

/* The message of the raised exception, which must be of type t. */
static const char *raised(TypeObj *t)
{
    cr_assert(err_occurred(), "no exception raised");
    Value exc = err_fetch();
    cr_assert(val_isinstance(exc, t), "raised %s, not %s",
              val_type_name(exc), t->name);
    return cstr(obj_str(exc));
}

Test(fileio, text_write_then_read_round_trips)
{
    Value f = open_file("t.txt", "w");
    cr_assert(!IS_NULL(f));
    Value n = call(f, "write", str("héllo\nwörld\n"));
    cr_assert_eq(AS_INT(n), 12, "write returns the count of characters");
    cr_assert(!IS_NULL(call(f, "close", V_NULL)));
    f = open_file("t.txt", "r");
    cr_assert_str_eq(cstr(call(f, "read", V_NULL)), "héllo\nwörld\n");
}

Test(fileio, writes_stay_buffered_until_flush)
{
    Value f = open_file("b.txt", "w");
    char buf[64];
    call(f, "write", str("pending"));
    cr_assert_eq(get_file("b.txt", buf, sizeof buf), 0);
    call(f, "flush", V_NULL);
    cr_assert_eq(get_file("b.txt", buf, sizeof buf), 7);
}

Test(fileio, line_buffering_flushes_at_newline)
{
    Value args[3] = {str(path_of("l.txt")), str("w"), V_INT(1)};
    Value f = obj_call(builtin("open"), args, 3, NULL);
    char buf[64];
    call(f, "write", str("no newline yet"));
    cr_assert_eq(get_file("l.txt", buf, sizeof buf), 0);
    call(f, "write", str(", now\n"));
    get_file("l.txt", buf, sizeof buf);
    cr_assert_str_eq(buf, "no newline yet, now\n");
}

Test(fileio, universal_newlines_on_read)
{
    put_file("nl.txt", "a\r\nb\rc\nd", 8);
    Value f = open_file("nl.txt", "r");
    cr_assert_str_eq(cstr(call(f, "readline", V_NULL)), "a\n");
    cr_assert_str_eq(cstr(call(f, "readline", V_NULL)), "b\n");
    cr_assert_str_eq(cstr(call(f, "readline", V_NULL)), "c\n");
    cr_assert_str_eq(cstr(call(f, "readline", V_NULL)), "d");
    cr_assert_str_eq(cstr(call(f, "readline", V_NULL)), "");
}

Test(fileio, crlf_split_across_chunks_is_one_newline)
{
    /* The "\r" is the last byte of the first 8192-byte read. */
    char *data = malloc(8200);
    memset(data, 'x', 8200);
    data[8191] = '\r';
    data[8192] = '\n';
    put_file("split.txt", data, 8200);
    free(data);
    Value f = open_file("split.txt", "r");
    Value first = call(f, "readline", V_NULL);
    Value second = call(f, "readline", V_NULL);
    cr_assert_eq(((StrObj *)AS_OBJ(first))->nchars, 8192);
    cr_assert_eq(((StrObj *)AS_OBJ(second))->nchars, 7, "no empty line");
}

Test(fileio, newline_empty_string_keeps_crlf)
{
    put_file("raw.txt", "a\r\nb", 4);
    Value kwv[2] = {str(path_of("raw.txt")), str("")};
    TupleObj *kw = tuple_pack(1, V_OBJ(str_intern_cstr("newline")));
    Value f = obj_call(builtin("open"), kwv, 1, kw);
    cr_assert(!IS_NULL(f));
    cr_assert_str_eq(cstr(call(f, "read", V_NULL)), "a\r\nb");
}

Test(fileio, long_line_spans_many_chunks)
{
    size_t n = 50000;
    char *data = malloc(n + 3);
    memset(data, 'y', n);
    memcpy(data + n, "\nz", 3);
    put_file("long.txt", data, n + 2);
    free(data);
    Value f = open_file("long.txt", "r");
    Value line = call(f, "readline", V_NULL);
    cr_assert_eq(((StrObj *)AS_OBJ(line))->nbytes, n + 1);
    cr_assert_str_eq(cstr(call(f, "read", V_NULL)), "z");
}

Test(fileio, text_read_counts_characters)
{
    put_file("u.txt", "aé中x", 7);
    Value f = open_file("u.txt", "r");
    cr_assert_str_eq(cstr(call(f, "read", V_INT(2))), "aé");
    cr_assert_str_eq(cstr(call(f, "read", V_INT(1))), "中");
    cr_assert_str_eq(cstr(call(f, "read", V_INT(5))), "x");
    cr_assert_str_eq(cstr(call(f, "read", V_INT(5))), "");
}

Test(fileio, readline_with_a_limit)
{
    put_file("lim.txt", "abcdef\ngh\n", 10);
    Value f = open_file("lim.txt", "r");
    cr_assert_str_eq(cstr(call(f, "readline", V_INT(4))), "abcd");
    cr_assert_str_eq(cstr(call(f, "readline", V_INT(10))), "ef\n");
    cr_assert_str_eq(cstr(call(f, "readline", V_INT(0))), "");
    cr_assert_str_eq(cstr(call(f, "readline", V_INT(-1))), "gh\n");
}

Test(fileio, invalid_utf8_raises_unicode_decode_error)
{
    put_file("bad.txt", "ok\xff", 3);
    Value f = open_file("bad.txt", "r");
    cr_assert(IS_NULL(call(f, "read", V_NULL)));
    cr_assert_str_eq(raised(&exc_UnicodeDecodeError),
                     "'utf-8' codec can't decode byte 0xff in position 2: "
                     "invalid start byte");
}

Test(fileio, binary_mode_reads_bytes)
{
    put_file("bin", "\x00\x01\xff rest", 8);
    Value f = open_file("bin", "rb");
    cr_assert(IS_TYPE(f, file_reader_type));
    Value b = call(f, "read", V_INT(3));
    cr_assert(IS_TYPE(b, bytes_type));
    BytesObj *bo = (BytesObj *)AS_OBJ(b);
    cr_assert_eq(bo->n, 3);
    cr_assert_eq(bo->data[2], 0xff);
    cr_assert_eq(((BytesObj *)AS_OBJ(call(f, "read", V_NULL)))->n, 5);
}

Test(fileio, binary_write_needs_bytes)
{
    Value f = open_file("w.bin", "wb");
    cr_assert(IS_TYPE(f, file_writer_type));
    cr_assert(IS_NULL(call(f, "write", str("text"))));
    cr_assert_str_eq(raised(&exc_TypeError),
                     "a bytes-like object is required, not 'str'");
    Value n = call(f, "write", V_OBJ(bytes_new("ab\n", 3)));
    cr_assert_eq(AS_INT(n), 3);
}

Test(fileio, text_write_needs_str)
{
    Value f = open_file("w.txt", "w");
    cr_assert(IS_NULL(call(f, "write", V_INT(5))));
    cr_assert_str_eq(raised(&exc_TypeError),
                     "write() argument must be str, not int");
}

Test(fileio, missing_file_is_file_not_found_with_filename)
{
    Value f = open_file("nope.txt", "r");
    cr_assert(IS_NULL(f));
    Value exc = err_fetch();
    cr_assert(val_isinstance(exc, &exc_FileNotFoundError));
    char want[300];
    snprintf(want, sizeof want,
             "[Errno 2] No such file or directory: '%s'", path_of("nope.txt"));
    cr_assert_str_eq(cstr(obj_str(exc)), want);
    cr_assert_eq(AS_INT(obj_getattr_cstr(exc, "errno")), 2);
    cr_assert_str_eq(cstr(obj_getattr_cstr(exc, "filename")),
                     path_of("nope.txt"));
}

Test(fileio, exclusive_mode_refuses_an_existing_file)
{
    put_file("x.txt", "", 0);
    cr_assert(IS_NULL(open_file("x.txt", "x")));
    raised(&exc_FileExistsError);
}

Test(fileio, opening_a_directory_is_an_error)
{
    Value args[1] = {str(dir)};
    cr_assert(IS_NULL(obj_call(builtin("open"), args, 1, NULL)));
    raised(&exc_IsADirectoryError);
}

Test(fileio, bad_modes_have_cpython_messages)
{
    cr_assert(IS_NULL(open_file("m", "z")));
    cr_assert_str_eq(raised(&exc_ValueError), "invalid mode: 'z'");
    cr_assert(IS_NULL(open_file("m", "rw")));
    cr_assert_str_eq(raised(&exc_ValueError),
                     "must have exactly one of create/read/write/append mode");
    cr_assert(IS_NULL(open_file("m", "rtb")));
    cr_assert_str_eq(raised(&exc_ValueError),
                     "can't have text and binary mode at once");
}

Test(fileio, unbuffered_text_is_refused)
{
    Value args[3] = {str(path_of("u")), str("w"), V_INT(0)};
    cr_assert(IS_NULL(obj_call(builtin("open"), args, 3, NULL)));
    cr_assert_str_eq(raised(&exc_ValueError), "can't have unbuffered text I/O");
}

Test(fileio, append_mode_appends)
{
    put_file("a.txt", "one\n", 4);
    Value f = open_file("a.txt", "a");
    call(f, "write", str("two\n"));
    call(f, "close", V_NULL);
    char buf[64];
    get_file("a.txt", buf, sizeof buf);
    cr_assert_str_eq(buf, "one\ntwo\n");
}

Test(fileio, closed_file_operations_raise_value_error)
{
    Value f = open_file("c.txt", "w");
    call(f, "close", V_NULL);
    cr_assert(AS_BOOL(obj_getattr_cstr(f, "closed")));
    cr_assert(IS_NULL(call(f, "write", str("x"))));
    cr_assert_str_eq(raised(&exc_ValueError), "I/O operation on closed file.");
    cr_assert(!IS_NULL(call(f, "close", V_NULL)), "a second close is fine");
}

Test(fileio, close_flushes_pending_output)
{
    Value f = open_file("cf.txt", "w");
    call(f, "write", str("data"));
    call(f, "close", V_NULL);
    char buf[16];
    cr_assert_eq(get_file("cf.txt", buf, sizeof buf), 4);
}

Test(fileio, iteration_yields_lines)
{
    put_file("it.txt", "1\n2\n3", 5);
    Value f = open_file("it.txt", "r");
    Value it = obj_iter(f);
    cr_assert(val_is(it, f), "a file is its own iterator");
    cr_assert_str_eq(cstr(obj_next(it)), "1\n");
    cr_assert_str_eq(cstr(obj_next(it)), "2\n");
    cr_assert_str_eq(cstr(obj_next(it)), "3");
    cr_assert(IS_NULL(obj_next(it)));
    cr_assert(!err_occurred(), "exhaustion is not an error");
}

Test(fileio, readlines_returns_every_line)
{
    put_file("rl.txt", "a\nb\n", 4);
    Value f = open_file("rl.txt", "r");
    Value l = call(f, "readlines", V_NULL);
    cr_assert_str_eq(cstr(obj_repr(l)), "['a\\n', 'b\\n']");
}

Test(fileio, with_statement_methods_close_the_file)
{
    Value f = open_file("w2.txt", "w");
    Value entered = call(f, "__enter__", V_NULL);
    cr_assert(val_is(entered, f));
    Value none3[3] = {V_NONE, V_NONE, V_NONE};
    cr_assert(!IS_NULL(obj_call_method(f, "__exit__", none3, 3)));
    cr_assert(AS_BOOL(obj_getattr_cstr(f, "closed")));
}

Test(fileio, seek_and_tell_in_binary_files)
{
    put_file("s.bin", "0123456789", 10);
    Value f = open_file("s.bin", "rb");
    call(f, "read", V_INT(4));
    cr_assert_eq(AS_INT(call(f, "tell", V_NULL)), 4);
    call(f, "seek", V_INT(8));
    BytesObj *b = (BytesObj *)AS_OBJ(call(f, "read", V_NULL));
    cr_assert_eq(b->n, 2);
    cr_assert_eq(memcmp(b->data, "89", 2), 0);
}

Test(fileio, reprs_match_cpython)
{
    Value f = open_file("r.txt", "w");
    char want[300];
    snprintf(want, sizeof want,
             "<_io.TextIOWrapper name='%s' mode='w' encoding='UTF-8'>",
             path_of("r.txt"));
    cr_assert_str_eq(cstr(obj_repr(f)), want);
    Value g = open_file("r.txt", "rb");
    snprintf(want, sizeof want, "<_io.BufferedReader name='%s'>",
             path_of("r.txt"));
    cr_assert_str_eq(cstr(obj_repr(g)), want);
}

Test(fileio, write_to_a_broken_pipe_raises_broken_pipe_error)
{
    signal(SIGPIPE, SIG_IGN);
    int fds[2];
    cr_assert_eq(pipe(fds), 0);
    close(fds[0]);
    FileObj *f = file_from_fd(fds[1], V_INT(fds[1]), "w", FILE_CLOSEFD);
    cr_assert_eq(file_write(f, "x\n", 2), 0, "buffered: no error yet");
    cr_assert_eq(file_flush(f), -1);
    cr_assert_str_eq(raised(&exc_BrokenPipeError), "[Errno 32] Broken pipe");
}

/* ---- print and the standard streams ---- */

static Value kwnames1(const char *name)
{
    return V_OBJ(tuple_pack(1, V_OBJ(str_intern_cstr(name))));
}

Test(fileio, print_to_a_file_formats_every_kind_of_value)
{
    Value f = open_file("p.txt", "w");
    Value args[6] = {V_INT(-42), V_FLOAT(2.5), str("s"), V_NONE, V_TRUE, f};
    Value kw = kwnames1("file");
    cr_assert(!IS_NULL(obj_call(builtin("print"), args, 5,
                                (TupleObj *)AS_OBJ(kw))));
    call(f, "close", V_NULL);
    char buf[64];
    get_file("p.txt", buf, sizeof buf);
    cr_assert_str_eq(buf, "-42 2.5 s None True\n");
}

Test(fileio, print_sep_and_end)
{
    Value f = open_file("se.txt", "w");
    Value args[5] = {V_INT(1), V_INT(2), str("-"), str("|"), f};
    TupleObj *kw = tuple_pack(3, V_OBJ(str_intern_cstr("sep")),
                              V_OBJ(str_intern_cstr("end")),
                              V_OBJ(str_intern_cstr("file")));
    cr_assert(!IS_NULL(obj_call(builtin("print"), args, 2, kw)));
    call(f, "close", V_NULL);
    char buf[64];
    get_file("se.txt", buf, sizeof buf);
    cr_assert_str_eq(buf, "1-2|");
}

Test(fileio, print_rejects_a_non_string_sep)
{
    Value args[2] = {str("x"), V_INT(5)};
    Value kw = kwnames1("sep");
    cr_assert(IS_NULL(obj_call(builtin("print"), args, 1,
                               (TupleObj *)AS_OBJ(kw))));
    cr_assert_str_eq(raised(&exc_TypeError),
                     "sep must be None or a string, not int");
}

Test(fileio, print_rejects_unknown_keywords)
{
    Value args[2] = {str("x"), V_INT(1)};
    Value kw = kwnames1("foo");
    cr_assert(IS_NULL(obj_call(builtin("print"), args, 1,
                               (TupleObj *)AS_OBJ(kw))));
    cr_assert_str_eq(raised(&exc_TypeError),
                     "'foo' is an invalid keyword argument for print()");
}

Test(fileio, print_flush_true_writes_at_once)
{
    Value f = open_file("fl.txt", "w");
    Value args[3] = {str("now"), f, V_TRUE};
    TupleObj *kw = tuple_pack(2, V_OBJ(str_intern_cstr("file")),
                              V_OBJ(str_intern_cstr("flush")));
    obj_call(builtin("print"), args, 1, kw);
    char buf[16];
    cr_assert_eq(get_file("fl.txt", buf, sizeof buf), 4);
}

Test(fileio, sys_stdout_is_a_text_stream_with_cpython_repr)
{
    Value out = sys_get("stdout");
    cr_assert(file_check(out));
    cr_assert_str_eq(cstr(obj_repr(out)),
                     "<_io.TextIOWrapper name='<stdout>' mode='w' "
                     "encoding='utf-8'>");
    cr_assert(((FileObj *)AS_OBJ(sys_get("stderr")))->flags & FILE_LINEBUF,
              "stderr is line-buffered");
}

Test(fileio, stdin_readline_reads_from_descriptor_0)
{
    int fds[2];
    cr_assert_eq(pipe(fds), 0);
    cr_assert_eq(write(fds[1], "first\nsecond", 12), 12);
    close(fds[1]);
    dup2(fds[0], 0);
    Value in = sys_get("stdin");
    cr_assert_str_eq(cstr(call(in, "readline", V_NULL)), "first\n");
    cr_assert_str_eq(cstr(call(in, "read", V_NULL)), "second");
}

Test(fileio, input_strips_the_newline_and_raises_eof_at_end)
{
    int fds[2];
    cr_assert_eq(pipe(fds), 0);
    cr_assert_eq(write(fds[1], "answer\n", 7), 7);
    close(fds[1]);
    dup2(fds[0], 0);
    Value r = obj_call(builtin("input"), NULL, 0, NULL);
    cr_assert_str_eq(cstr(r), "answer");
    cr_assert(IS_NULL(obj_call(builtin("input"), NULL, 0, NULL)));
    cr_assert_str_eq(raised(&exc_EOFError), "EOF when reading a line");
}

Test(fileio, stdin_keeps_crlf_as_cpython_does_on_posix)
{
    int fds[2];
    cr_assert_eq(pipe(fds), 0);
    cr_assert_eq(write(fds[1], "a\r\nb", 4), 4);
    close(fds[1]);
    dup2(fds[0], 0);
    cr_assert_str_eq(cstr(call(sys_get("stdin"), "readline", V_NULL)),
                     "a\r\n");
}

Test(fileio, reading_a_write_only_file_is_unsupported)
{
    Value f = open_file("wo.txt", "w");
    cr_assert(IS_NULL(call(f, "read", V_NULL)));
    Value exc = err_fetch();
    cr_assert(val_isinstance(exc, &exc_OSError));
    cr_assert_str_eq(val_type_name(exc), "UnsupportedOperation");
    cr_assert_str_eq(cstr(obj_str(exc)), "not readable");
}
