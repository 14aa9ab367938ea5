/*
 * lexer.h - Python's tokenizer, as CPython 3.11 tokenizes, for sigvm.
 *
 * The lexer turns UTF-8 source into tokens: NEWLINE, INDENT/DEDENT from an
 * indentation stack, names (keywords get their own kinds), numbers and
 * strings (kept as source text; the parser decodes them), operators.  It
 * reports the errors CPython's tokenizer reports, with the same messages
 * and positions.
 *
 * Errors come in two sorts, as in CPython.  "Hard" errors (unterminated
 * strings, bad numbers, unmatched brackets, invalid characters) are those
 * CPython's tokenizer raises itself: they win even over a parser error
 * earlier in the file (CPython lexes the rest of the file to look for
 * one), except over "unexpected indent".  "Soft" errors (inconsistent
 * dedent, tab/space mix, EOF inside brackets or after a backslash) are
 * raised by CPython's parser when it reaches them, so they only count if
 * the parser gets that far.  Either way lex_next() returns LEX_ERROR, sets
 * lexer->hard_error for the first sort, and leaves the message in
 * lexer->err; the parser decides which error is reported.
 */
#ifndef SIGVM_LEXER_H
#define SIGVM_LEXER_H

#include <stdbool.h>
#include <stddef.h>

#include "ast.h"

/* Operators and delimiters: kind suffix and text.  Longest first is not
 * needed; the lexer matches by length explicitly. */
#define LEX_OPERATORS(X)                                                     \
    X(LPAR, "(") X(RPAR, ")") X(LSQB, "[") X(RSQB, "]") X(COLON, ":")        \
    X(COMMA, ",") X(SEMI, ";") X(PLUS, "+") X(MINUS, "-") X(STAR, "*")       \
    X(SLASH, "/") X(VBAR, "|") X(AMPER, "&") X(LESS, "<") X(GREATER, ">")    \
    X(EQUAL, "=") X(DOT, ".") X(PERCENT, "%") X(LBRACE, "{") X(RBRACE, "}")  \
    X(EQEQUAL, "==") X(NOTEQUAL, "!=") X(LESSEQUAL, "<=")                    \
    X(GREATEREQUAL, ">=") X(TILDE, "~") X(CIRCUMFLEX, "^")                   \
    X(LEFTSHIFT, "<<") X(RIGHTSHIFT, ">>") X(DOUBLESTAR, "**")               \
    X(PLUSEQUAL, "+=") X(MINEQUAL, "-=") X(STAREQUAL, "*=")                  \
    X(SLASHEQUAL, "/=") X(PERCENTEQUAL, "%=") X(AMPEREQUAL, "&=")            \
    X(VBAREQUAL, "|=") X(CIRCUMFLEXEQUAL, "^=") X(LEFTSHIFTEQUAL, "<<=")     \
    X(RIGHTSHIFTEQUAL, ">>=") X(DOUBLESTAREQUAL, "**=")                      \
    X(DOUBLESLASH, "//") X(DOUBLESLASHEQUAL, "//=") X(AT, "@")               \
    X(ATEQUAL, "@=") X(RARROW, "->") X(ELLIPSIS, "...")                      \
    X(COLONEQUAL, ":=") X(LESSGREATER, "<>")

/* Reserved words (3.11).  `match`, `case` and `_` are soft keywords and
 * lex as plain names. */
#define LEX_KEYWORDS(X)                                                      \
    X(FALSE, "False") X(NONE, "None") X(TRUE, "True") X(AND, "and")          \
    X(AS, "as") X(ASSERT, "assert") X(ASYNC, "async") X(AWAIT, "await")      \
    X(BREAK, "break") X(CLASS, "class") X(CONTINUE, "continue")              \
    X(DEF, "def") X(DEL, "del") X(ELIF, "elif") X(ELSE, "else")              \
    X(EXCEPT, "except") X(FINALLY, "finally") X(FOR, "for")                  \
    X(FROM, "from") X(GLOBAL, "global") X(IF, "if") X(IMPORT, "import")      \
    X(IN, "in") X(IS, "is") X(LAMBDA, "lambda") X(NONLOCAL, "nonlocal")      \
    X(NOT, "not") X(OR, "or") X(PASS, "pass") X(RAISE, "raise")              \
    X(RETURN, "return") X(TRY, "try") X(WHILE, "while") X(WITH, "with")      \
    X(YIELD, "yield")

typedef enum LexKind {
    LEX_ENDMARKER,
    LEX_NAME,
    LEX_NUMBER,
    LEX_STRING,         /* one literal, prefix and quotes included */
    LEX_NEWLINE,
    LEX_INDENT,
    LEX_DEDENT,
    LEX_OP,             /* a lone character with no meaning: `$`, `?`, `!` */
    LEX_ERROR,          /* see the comment at the top of this file */
#define LEX_X(name, text) LEX_##name,
    LEX_OPERATORS(LEX_X)
    LEX_FIRST_KEYWORD,
    LEX_KEYWORDS(LEX_X)
#undef LEX_X
    LEX_KIND_COUNT
} LexKind;

typedef struct LexToken {
    LexKind kind;
    /* 1-based lines, 0-based byte columns, end exclusive.  INDENT and
     * DEDENT sit at the first token of their line with zero width. */
    int lineno, col, end_lineno, end_col;
    const char *start;  /* the token's text in lexer->buf */
    size_t len;
    int level;          /* bracket depth after the token, as CPython's */
} LexToken;

/* CPython's limits: MAXLEVEL brackets, MAXINDENT indentation levels. */
#define LEX_MAXLEVEL 200
#define LEX_MAXINDENT 100

typedef struct Lexer {
    /* Input, normalized: \r\n and \r become \n and the text ends in \n
     * (as CPython's reader does).  Token texts point into it. */
    char *buf;
    const char *buf_end;        /* end of buf (NUL-terminated there) */
    const char *end;            /* end of what this lexer reads */
    const char *cur;            /* next byte to read */
    const char *inp;            /* end of the current line, past its \n */
    const char *line_start;
    int lineno;
    const char *start;          /* start of the token being read */
    const char *filename;

    /* Indentation, with the tab-size-1 shadow stack that detects
     * inconsistent mixes of tabs and spaces. */
    int indent;
    int indstack[LEX_MAXINDENT];
    int altindstack[LEX_MAXINDENT];
    int pendin;                 /* >0: INDENTs owed, <0: DEDENTs owed */
    bool atbol;
    bool blankline;
    int dedent_col;             /* where owed INDENT/DEDENTs sit */

    /* Open brackets, innermost last. */
    int level;
    char parenstack[LEX_MAXLEVEL];
    int parenlineno[LEX_MAXLEVEL];
    int parencol[LEX_MAXLEVEL];

    /* An f-string replacement field: lex [cur, end) as if inside
     * brackets, with no NEWLINE and no indentation. */
    bool expr_mode;

    bool owns_buf;              /* false for a replacement-field lexer */
    bool done;                  /* ENDMARKER or an error was returned */
    LexKind final_kind;         /* which of the two, once done */
    bool hard_error;
    /* Why the input ended, for the REPL's "incomplete" test. */
    bool eof_in_triple_string;
    bool eof_after_backslash;
    bool eof_in_bracket;
    SyntaxErrorInfo err;
} Lexer;

/* Prepare to lex src[0..len).  Returns 0, or -1 if out of memory.  The
 * lexer copies the source; `filename` must outlive the lexer. */
int lex_init(Lexer *lx, const char *src, size_t len, const char *filename);

/* Prepare to lex one f-string replacement field [start, end), which lies
 * on line `lineno` (starting at `line_start`) of the buffer of `parent`.
 * Tokens keep their true positions in the file.  Nothing is copied:
 * `parent` must outlive lx. */
void lex_init_expr(Lexer *lx, const Lexer *parent, const char *start,
                   const char *end, int lineno, const char *line_start);

void lex_free(Lexer *lx);

/* The next token.  After LEX_ENDMARKER or LEX_ERROR it keeps returning
 * the same kind. */
LexKind lex_next(Lexer *lx, LexToken *tok);

/* Replace lx->err by "'(' was never closed" for the innermost bracket
 * still open, if any: the parser prefers that message when it fails after
 * the bracket's line (as CPython does). */
void lex_set_unclosed_error(Lexer *lx);

/* "NAME", "'('", "'if'", ... for messages and tests. */
const char *lex_kind_name(LexKind kind);

/* The text of line `lineno` (1-based) of the lexed source, and its
 * length without the newline; NULL if there is no such line yet. */
const char *lex_line(const Lexer *lx, int lineno, size_t *len);

/* Check that src is valid UTF-8 without NUL bytes, as CPython checks a
 * source file before tokenizing it; fill err and return -1 if not. */
int lex_check_encoding(const char *src, size_t len, const char *filename,
                       SyntaxErrorInfo *err);

/* Count the code points in s[0..nbytes): CPython reports columns in
 * characters. */
int lex_char_offset(const char *s, size_t nbytes);

#endif /* SIGVM_LEXER_H */
