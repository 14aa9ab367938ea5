/* error.h - exceptions: the builtin hierarchy and the error-indicator API.
 *
 * The raised exception lives on the current thread state (tstate.h).  A C
 * function that fails sets it with one of the err_set* calls and returns
 * V_NULL / -1; its caller checks and passes the failure up.  Nothing
 * longjmps.
 */
#ifndef SIGVM_ERROR_H
#define SIGVM_ERROR_H

#include <stdarg.h>

#include "object.h"

struct CodeObj;
struct Frame;

/* One traceback entry per frame the exception passed through, innermost
 * last, as CPython prints them.  Holding the code object and line (not the
 * frame) keeps exceptions cheap in exception-heavy loops. */
typedef struct TracebackObj {
    Obj hdr;
    struct TracebackObj *next; /* towards the frame that raised */
    struct CodeObj *code;
    struct Frame *frame; /* tb_frame: kept (escaped) by the traceback */
    int lineno;
} TracebackObj;

/* An exception instance.  Subclass-specific attributes (OSError's errno,
 * strerror and filename; StopIteration's value; SystemExit's code;
 * SyntaxError's msg, filename, lineno, offset, text) live in the instance
 * dict under their Python names. */
typedef struct ExcObj {
    InstanceObj base;
    TupleObj *args;
    TracebackObj *traceback;
    Value cause;   /* V_NULL when unset */
    Value context; /* V_NULL when unset */
    int suppress_context;
} ExcObj;

#define EXC_TYPES(X) \
    X(BaseException, object) \
    X(SystemExit, BaseException) \
    X(KeyboardInterrupt, BaseException) \
    X(GeneratorExit, BaseException) \
    X(Exception, BaseException) \
    X(StopIteration, Exception) \
    X(ArithmeticError, Exception) \
    X(FloatingPointError, ArithmeticError) \
    X(OverflowError, ArithmeticError) \
    X(ZeroDivisionError, ArithmeticError) \
    X(AssertionError, Exception) \
    X(AttributeError, Exception) \
    X(BufferError, Exception) \
    X(EOFError, Exception) \
    X(ImportError, Exception) \
    X(ModuleNotFoundError, ImportError) \
    X(LookupError, Exception) \
    X(IndexError, LookupError) \
    X(KeyError, LookupError) \
    X(MemoryError, Exception) \
    X(NameError, Exception) \
    X(UnboundLocalError, NameError) \
    X(OSError, Exception) \
    X(BlockingIOError, OSError) \
    X(ChildProcessError, OSError) \
    X(ConnectionError, OSError) \
    X(BrokenPipeError, ConnectionError) \
    X(ConnectionAbortedError, ConnectionError) \
    X(ConnectionRefusedError, ConnectionError) \
    X(ConnectionResetError, ConnectionError) \
    X(FileExistsError, OSError) \
    X(FileNotFoundError, OSError) \
    X(InterruptedError, OSError) \
    X(IsADirectoryError, OSError) \
    X(NotADirectoryError, OSError) \
    X(PermissionError, OSError) \
    X(ProcessLookupError, OSError) \
    X(TimeoutError, OSError) \
    X(ReferenceError, Exception) \
    X(RuntimeError, Exception) \
    X(NotImplementedError, RuntimeError) \
    X(RecursionError, RuntimeError) \
    X(SyntaxError, Exception) \
    X(IndentationError, SyntaxError) \
    X(TabError, IndentationError) \
    X(SystemError, Exception) \
    X(TypeError, Exception) \
    X(ValueError, Exception) \
    X(UnicodeError, ValueError) \
    X(UnicodeDecodeError, UnicodeError) \
    X(UnicodeEncodeError, UnicodeError) \
    X(Warning, Exception) \
    X(DeprecationWarning, Warning) \
    X(RuntimeWarning, Warning) \
    X(UserWarning, Warning)

#define EXC_DECLARE(name, base) extern TypeObj exc_##name;
EXC_TYPES(EXC_DECLARE)
#undef EXC_DECLARE

/* Set the current exception to type(message formatted printf-style). */
Value err_set(TypeObj *type, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
Value err_setv(TypeObj *type, const char *fmt, va_list ap);
/* type(arg): KeyError(key), StopIteration(value), SystemExit(code). */
Value err_set_obj(TypeObj *type, Value arg);
/* Raise an exception instance (or a class, instantiated with no args). */
Value err_set_exc(Value exc);
/* OSError(errnum, strerror(errnum)), picking the subclass from errnum
 * (EINTR -> InterruptedError, ENOENT -> FileNotFoundError ...) when type
 * is &exc_OSError. */
Value err_from_errno(TypeObj *type, int errnum);
Value err_no_memory(void);

int err_occurred(void);
Value err_peek(void);          /* the raised exception, or V_NULL */
Value err_fetch(void);         /* take it and clear the indicator */
void err_restore(Value exc);   /* set it back (V_NULL clears) */
void err_clear(void);
int err_matches(TypeObj *type); /* raised exception is an instance */
/* isinstance(exc, spec) where spec is a class or a tuple of classes, as an
 * except clause tests it; -1 with TypeError if spec is not a class. */
int err_given_matches(Value exc, Value spec);

/* Create an exception instance: type(*args). */
Value exc_new(TypeObj *type, Value *args, int nargs);
/* Add a traceback entry (frame the exception is leaving). */
/* Add the entry for frame f, at lineno, to exc's traceback; f and the
 * frames behind it are kept for tb_frame and f_back, as CPython does. */
void exc_add_traceback(Value exc, struct Frame *f, int lineno);

/* Print exc with its chain and traceback to stderr as CPython does. */
void err_print_exception(Value exc);
/* "Exception ignored in: ..." report; header NULL prints CPython's default. */
void err_write_unraisable(Value exc, const char *header, Value obj);

/* ---- Added by the object core (exceptions.c, traceback.c) ---- */

/* The OSError subclass CPython picks for an errno (ENOENT ->
 * FileNotFoundError ...), OSError itself when none applies. */
TypeObj *exc_oserror_type(int errnum);

/* Where err_print_exception and err_write_unraisable write.  NULL (the
 * default) writes to the C stderr; stdlib/ sets it once sys.stderr is a
 * script-visible object. */
extern void (*tb_write_hook)(const char *s, size_t n);
/* Print exc's traceback, chain and message as err_print_exception does,
 * but into a fresh str (for the REPL and traceback-like modules). */
Value tb_format_exception(Value exc);
/* Set the exception to SyntaxError(msg, (filename, lineno, offset, text))
 * (or a subclass such as IndentationError), for the compiler. */
Value err_set_syntax(TypeObj *type, const char *msg, const char *filename,
                     int lineno, int offset, const char *text);

#endif
