/* stdlib.h - the one public header of stdlib/: the modules scripts import
 * and the builtins namespace.
 *
 * cli/ calls std_init once after rt_init(), then hands std_builtins() to
 * the VM.  The file-object API below is public too, because print,
 * input, sys.std* and open all share it, and os.fork (later) must flush
 * the standard streams before forking.
 */
#ifndef SIGVM_STDLIB_H
#define SIGVM_STDLIB_H

#include <stddef.h>
#include <stdint.h>

#include "runtime/runtime.h"

/* std_init flags. */
enum {
    STD_UNBUFFERED = 1 << 0, /* -u: sys.stdout and sys.stderr write through */
};

/* Register every built-in module with module_register and create the
 * standard streams.  argc/argv become sys.argv as given (cli/ passes the
 * script name or "-c" first, then the script's arguments). */
void std_init(int argc, char **argv, int flags);
/* The builtins namespace (one dict, built on first call), and the module
 * that holds it (`import builtins`, __main__'s __builtins__). */
DictObj *std_builtins(void);
ModuleObj *std_builtins_module(void);
/* The sys module, created by std_init (import sys returns it). */
ModuleObj *std_sys_module(void);

/* Flush sys.stdout and sys.stderr (their current values, as CPython does
 * at exit).  -1 with the exception set if a flush failed. */
int std_flush_stdio(void);

/* input() on a terminal: when set (cli/ sets it to the REPL's readline)
 * and sys.stdin and sys.stdout are the original streams on terminals,
 * input() reads its line through this hook, which shows prompt, runs
 * signal handlers while it waits and retries after them (PEP 475).
 * Returns 1 with a malloc'd line (no newline) in *line, 0 at end of
 * input, or -1 with an exception set (none set: KeyboardInterrupt).
 * Written once at start-up. */
extern int (*std_readline_hook)(const char *prompt, char **line);

/* OSError(errnum, strerror(errnum)[, filename]) of the subclass that
 * CPython picks for errnum.  filename V_NULL: none.  Returns V_NULL. */
Value std_raise_oserror(int errnum, Value filename);

/* ---- file objects (fileio.c) ----
 *
 * One struct for all of _io's concrete classes: TextIOWrapper for text
 * modes, BufferedReader / BufferedWriter / BufferedRandom for binary ones.
 * Buffering is done here on top of read(2)/write(2) through blocking.h,
 * never through stdio, so a later phase can make every wait
 * signal-aware in one place. */
enum {
    FILE_READ = 1 << 0,
    FILE_WRITE = 1 << 1,
    FILE_TEXT = 1 << 2,
    FILE_APPEND = 1 << 3,
    FILE_LINEBUF = 1 << 4,  /* flush when a write holds a newline */
    FILE_UNBUF = 1 << 5,    /* flush after every write */
    FILE_CLOSEFD = 1 << 6,  /* close() closes the descriptor */
    FILE_CLOSED = 1 << 7,
    FILE_SKIP_LF = 1 << 8,  /* text read: a "\r" ended the last chunk, so
                               a "\n" starting the next one is dropped */
    FILE_EOF = 1 << 9,      /* read(2) returned 0 (reset by seek) */
    FILE_RAW_NL = 1 << 10,  /* text: newline='' or '\n', no translation */
};

typedef struct FileObj {
    Obj hdr;
    int fd;
    uint32_t flags;  /* FILE_* */
    Value name;      /* str (path or "<stdout>") or int (a descriptor) */
    StrObj *mode;
    const char *encoding; /* text files: "utf-8" or "UTF-8", for repr */
    char *wbuf;      /* pending output, malloc'd */
    size_t wlen, wcap;
    char *rbuf;      /* read-ahead; in text mode already newline-translated */
    size_t rpos, rlen, rcap;
} FileObj;

extern TypeObj file_text_type, file_reader_type, file_writer_type,
    file_random_type;

void file_init(void); /* called by std_init */
int file_check(Value v); /* one of the four file types */

/* Wrap a descriptor.  mode is "r", "w", "rb", "r+b" ... as open() takes
 * it; extra_flags adds FILE_LINEBUF, FILE_UNBUF, FILE_CLOSEFD. */
FileObj *file_from_fd(int fd, Value name, const char *mode,
                      uint32_t extra_flags);
/* open(file, mode, buffering, encoding, ...) as the builtin. */
Value file_open(Value *args, int nargs, TupleObj *kwnames);

/* Append raw bytes (UTF-8 text for text files) and apply the buffering
 * policy: flush on newline when line-buffered, always when unbuffered. */
int file_write(FileObj *f, const char *p, size_t n);
/* Append without any flush decision except "the buffer is full"; the
 * caller then calls file_write_done (print uses this: one policy decision
 * per call, not per piece). */
int file_write_raw(FileObj *f, const char *p, size_t n);
int file_write_done(FileObj *f, int had_newline, int force_flush);
int file_flush(FileObj *f);
int file_close(FileObj *f);
/* One line (with its "\n"; empty at end of file) as str or bytes. */
Value file_readline(FileObj *f, int64_t limit);

/* The original standard streams (sys.__stdout__ ...). */
extern FileObj *file_stdin, *file_stdout, *file_stderr;

/* ---- modules (mod_*.c): the init functions module_register gets ---- */
ModuleObj *sys_module_init(void);
ModuleObj *time_module_init(void);
ModuleObj *errno_module_init(void);
ModuleObj *gcmod_module_init(void);
/* Value of an attribute of sys (sys.stdout ...): V_NULL if absent, no
 * exception set. */
Value sys_get(const char *name);

/* ---- the signal-related modules (mod_signal.c, mod_os.c, mod_select.c,
 * mod_faulthandler.c) ---- */
/* Create default_int_handler, run the signal layer's start-up (SIGINT,
 * SIGPIPE, SIGXFSZ, the handler table) and register `signal`. */
void sigmod_startup(void);
void osmod_register(void);
void selectmod_register(void);
void fhmod_register(void);
/* The dis module (mod_dis.c).  dis_print_code writes co's listing, and
 * that of every code object nested in it, to a file-like object (its
 * write method); 0, or -1 with an exception set.  dis_cpython_checkpoints
 * (set by cli/ for -X checkpoints=cpython) picks which check points the
 * listing marks. */
void dismod_register(void);
int dis_print_code(CodeObj *co, Value file);
extern int dis_cpython_checkpoints;
/* -X faulthandler: enable the fatal-signal traceback dump at start-up. */
int fhmod_enable_at_startup(void);
/* The threading and _thread modules (mod_threading.c).  At exit the
 * main thread waits for every non-daemon thread (threadmod_shutdown);
 * in a child after fork the forking thread's Thread becomes the main
 * thread and the others are forgotten. */
void threadmod_register(void);
void threadmod_shutdown(void);
void threadmod_after_fork_child(void);
/* Called around fork() by os.fork: flush what must not be written twice,
 * and reset thread and signal state in the child. */
extern void (*os_before_fork_hook)(void);
extern void (*os_after_fork_child_hook)(void);

#endif
