/* compiler.h - source text to code objects: the one public header of
 * compiler/.
 *
 * The compiler runs the parser, builds the symbol table and generates a
 * CodeObj whose instructions follow runtime/opcodes.h.  Errors come back
 * as exceptions on the thread state (SyntaxError, IndentationError,
 * TabError or MemoryError), with the attributes msg, filename, lineno,
 * offset, text, end_lineno and end_offset that the traceback printer uses.
 *
 * What the generated code promises the VM (beyond opcodes.h):
 *  - varnames holds the parameters first, in CPython's order: positional,
 *    keyword-only, then *args and **kwargs when present; then the other
 *    locals.  cellvars/freevars index LOAD_DEREF & co. (cells first).
 *  - consts[0] of every function code object (def, lambda, comprehension)
 *    is its docstring, a str, or None, as CPython 3.10 does.
 *  - Module code uses LOAD_GLOBAL/STORE_GLOBAL/DELETE_GLOBAL for its names:
 *    module code always runs with locals == globals, where they mean the
 *    same as the *_NAME forms and can use the globals inline cache.
 *    A module docstring is stored in __doc__.
 *  - A class body starts with `__module__ = __name__` and
 *    `__qualname__ = '<qualname>'` (and `__doc__` when it has one), as
 *    CPython 3.10 does.
 */
#ifndef SIGVM_COMPILER_H
#define SIGVM_COMPILER_H

#include <stddef.h>

#include "runtime/runtime.h"

struct AstNode;

/* What the source is. */
enum {
    COMP_FILE,   /* a module: statements, result None */
    COMP_SINGLE, /* one interactive statement: expression statements at
                    the top level end with PRINT_EXPR */
    COMP_EVAL    /* one expression: the code returns its value */
};

/* Compile source text.  filename is what tracebacks print ("t.py",
 * "<string>", "<stdin>").  NULL with an exception set on error. */
CodeObj *comp_compile_source(const char *src, size_t len,
                             const char *filename, int mode);

/* For the REPL: as comp_compile_source, but when the source ends in the
 * middle of a statement (an open bracket, a block header with no body, a
 * triple-quoted string still open), returns NULL with *incomplete set to
 * 1 and no exception set, so the caller can read another line.  Otherwise
 * *incomplete is 0. */
CodeObj *comp_compile_interactive(const char *src, size_t len,
                                  const char *filename, int mode,
                                  int *incomplete);

/* Compile a tree the parser already built (an AST_MODULE, AST_INTERACTIVE
 * or, for COMP_EVAL, an expression).  src/len, when not NULL, give the
 * source lines quoted in SyntaxErrors. */
CodeObj *comp_compile_ast(const struct AstNode *tree, const char *filename,
                          int mode, const char *src, size_t len);

#endif
