/*
 * parser.h - source text to AST for sigvm's Python subset.
 *
 * A hand-written recursive descent parser over the lexer's tokens, with
 * CPython 3.11's precedence and its syntax error messages for the common
 * mistakes.  The parser also makes the checks CPython's compiler makes
 * that need no symbol table ('return' outside function, 'break' outside
 * loop, starred assignment rules, duplicate parameters, repeated keyword
 * arguments, ...), so the code generator can trust the tree it gets.
 *
 * Reentrant: all state lives in the caller's arena and error struct.
 * Recursion is bounded, so hostile input gives a SyntaxError ("too many
 * levels of nesting") rather than a C stack overflow: at most
 * PARSE_MAX_NESTING nested unary operators, lambdas, conditional
 * expressions or blocks, at most 200 open brackets (the lexer's limit,
 * as CPython's), and left-nested chains such as a+b+c or a.b.c of at most
 * PARSE_MAX_CHAIN links.  Parsing needs at most about 400 KB of C stack.
 * CPython itself gives up near 3000 levels, so these only reject code no
 * one writes; they also bound the depth of the tree the code generator
 * walks.
 */
#ifndef SIGVM_PARSER_H
#define SIGVM_PARSER_H

#include <stddef.h>

#include "ast.h"

#define PARSE_MAX_NESTING 500
#define PARSE_MAX_CHAIN 3000

/*
 * Parse a whole file (or a -c string, with filename "<string>").  Returns
 * an AST_MODULE node allocated in `arena` (set up by the caller with
 * ast_arena_init()), or NULL with `err` filled in; release err->text with
 * ast_error_clear().  `err` is overwritten, not freed, on entry: clear it
 * first if it still holds an error.  `filename` is referenced, not copied.
 */
AstNode *parse_module(AstArena *arena, const char *src, size_t len,
                      const char *filename, SyntaxErrorInfo *err);

typedef enum ParseStatus {
    PARSE_OK,           /* *out is an AST_INTERACTIVE node */
    PARSE_ERROR,        /* err is filled in */
    PARSE_INCOMPLETE    /* more lines are needed: the REPL prompts "... " */
} ParseStatus;

/*
 * Parse one interactive statement for the REPL.  `src` is everything the
 * user typed for this statement so far, each line ending in \n.  The input
 * is incomplete while a bracket, a triple-quoted string or a backslash
 * continuation is open, or while a compound statement (if/def/class/...)
 * has not been ended by an empty line.  Empty input gives an Interactive
 * node with an empty body.
 */
ParseStatus parse_interactive(AstArena *arena, const char *src, size_t len,
                              const char *filename, AstNode **out,
                              SyntaxErrorInfo *err);

#endif /* SIGVM_PARSER_H */
