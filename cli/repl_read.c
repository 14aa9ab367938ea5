/* repl_read.c - reading one line at a terminal while signal handlers run.
 *
 * GNU readline's blocking readline() would sit in read(2), which the
 * kernel restarts or readline retries after a signal, so a script handler
 * would only run once the user pressed Enter.  Instead readline runs in
 * callback mode: this file waits for input itself with ppoll(), and feeds
 * readline one character at a time when stdin is readable.  A signal
 * interrupts the wait, the pending handlers run (sig_check, on the main
 * thread, with the GIL), and the line being typed is drawn again below
 * whatever the handlers printed.  A handler that raises, or Ctrl-C with
 * SIGINT's default handler, abandons the line.  This is how CPython's
 * readline module behaves (readline_until_enter_or_signal), plus the
 * redraw.
 */
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>


#include "cli/repl.h"
#include "cli/rl_load.h"
#include "runtime/blocking.h"
#include "runtime/signals.h"
#include "stdlib/stdlib.h"

/* Set by the line handler that readline calls from rl_callback_read_char
 * (main thread only, no signal handler touches them). */
static int rd_done;    /* the line is complete, or input ended */
static char *rd_line;  /* the line (malloc'd by readline), NULL at EOF */

static void rd_on_line(char *line)
{
    rd_line = line;
    rd_done = 1;
    /* Removing the handler here keeps readline from showing the prompt
     * again before the next call installs it with the right one. */
    rll.rl_callback_handler_remove();
}

/* Whether any signal waits for its script handler that this thread could
 * run: only the main thread runs handlers, so for another thread (input()
 * in a thread) a tripped flag is none of its business and must not wake
 * it.  The C handler sets the flags with seq_cst stores; reading them
 * here, with every signal blocked, leaves no window in which one is
 * missed. */
static int rd_any_tripped(void)
{
    if (!sig_is_main_thread())
        return 0;
    for (int i = 1; i < SIG_NSIG; i++)
        if (sig_is_tripped(i))
            return 1;
    return 0;
}

/* blk_call's attempt: wait until stdin is readable (1) or a signal is due
 * (0).  Every signal is blocked while the flags are tested, and ppoll
 * unblocks them atomically as it starts to wait, so a signal that lands
 * between the test and the wait still interrupts the wait instead of
 * waiting for the next key.  EINTR is turned into 0 so that this file,
 * not blk_call, runs the handlers: it has to redraw the line after them. */
static int rd_wait_attempt(void *arg, double remaining)
{
    (void)arg;
    (void)remaining;
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &old);
    int r = 0;
    if (!rd_any_tripped()) {
        FILE *in = *rll.rl_instream ? *rll.rl_instream : stdin;
        struct pollfd p = {.fd = fileno(in), .events = POLLIN};
        r = ppoll(&p, 1, NULL, &old);
        if (r < 0 && errno == EINTR)
            r = 0;
    }
    int saved = errno;
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    errno = saved;
    return r;
}

/* Flush sys.stdout and sys.stderr without losing the exception a handler
 * may have left set. */
static void rd_flush_stdio(void)
{
    Value exc = err_fetch();
    gc_root_push(&exc);
    if (std_flush_stdio() < 0)
        err_clear();
    err_restore(exc);
    gc_root_pop(1);
}

/* Readline's state after an abandoned line, as CPython resets it. */
static void rd_abandon(void)
{
    rll.rl_free_line_state();
    rll.rl_callback_sigcleanup();
    rll.rl_cleanup_after_signal();
    rll.rl_callback_handler_remove();
}

/* Run the pending handlers while the prompt is on screen.  The prompt and
 * the text typed so far are wiped first so that whatever the handlers
 * print starts at the left margin; then the line is drawn again.  When a
 * handler raised, the abandoned line is printed back instead, ending in a
 * newline, so the screen reads as CPython's does: the line, then the
 * traceback or "KeyboardInterrupt".  It starts with a carriage return
 * because readline's clean-up may have moved the cursor along the line. */
static int rd_run_handlers(const char *prompt)
{
    char *typed = strdup(*rll.rl_line_buffer ? *rll.rl_line_buffer : "");
    rll.rl_clear_visible_line();
    fflush(*rll.rl_outstream);
    int r = sig_check();
    rd_flush_stdio();
    if (r < 0) {
        rd_abandon();
        fprintf(*rll.rl_outstream, "\r%s%s\n", prompt, typed);
        fflush(*rll.rl_outstream);
    } else {
        rll.rl_forced_update_display();
    }
    free(typed);
    return r;
}

/* Feed readline until the line is complete; 0, or -1 with an exception. */
static int rd_loop(const char *prompt)
{
    while (!rd_done) {
        int r = blk_call(rd_wait_attempt, NULL, -1.0);
        if (r == 0) {
            if (rd_run_handlers(prompt) < 0)
                return -1;
        } else if (r > 0) {
            rll.rl_callback_read_char();
        } else if (r == BLK_RAISED) {
            rd_abandon();
            return -1;
        } else {
            int e = errno;
            rd_abandon();
            err_from_errno(&exc_OSError, e);
            return -1;
        }
    }
    return 0;
}

static int rd_read(const char *prompt, char **line)
{
    rd_done = 0;
    rd_line = NULL;
    *line = NULL;
    /* The window may have changed size while a statement ran; readline
     * does not track SIGWINCH itself (rl_catch_sigwinch is 0). */
    rll.rl_reset_screen_size();
    rll.rl_callback_handler_install(prompt, rd_on_line);
    if (rd_loop(prompt) < 0)
        return -1;
    if (rd_line == NULL)
        return 0;
    if (rd_line[0])
        rll.add_history(rd_line);
    *line = rd_line;
    return 1;
}

int repl_readline(const char *prompt, char **line)
{
    /* Readline has one global state.  A handler calling input() while the
     * prompt waits, or a second thread reading meanwhile, would tear it:
     * refuse, as CPython does.  Only the GIL holder reads or writes this. */
    static int busy;
    if (busy) {
        err_set(&exc_RuntimeError, "can't re-enter readline");
        return -1;
    }
    busy = 1;
    int r = rd_read(prompt, line);
    busy = 0;
    return r;
}

int repl_use_readline(void)
{
    return isatty(0) && isatty(1);
}

/* TAB at the start of a line (only blanks before the cursor) indents, as
 * CPython's completer does; elsewhere it completes. */
static int rd_tab(int count, int key)
{
    const char *typed = *rll.rl_line_buffer;
    for (int i = 0; i < *rll.rl_point; i++)
        if (typed[i] != ' ' && typed[i] != '\t')
            return rll.rl_complete(count, key);
    return rll.rl_insert_text("\t") >= 0 ? 0 : 1;
}

int repl_readline_init(DictObj *globals)
{
    static int state; /* 0 not tried, 1 ready, -1 readline is missing */
    if (state)
        return state > 0 ? 0 : -1;
    if (rll_load() < 0) {
        fprintf(stderr, "sigvm: %s; reading lines without it\n",
                rll_error());
        state = -1;
        return -1;
    }
    state = 1;
    /* sigvm's C handlers stay installed: readline must not put its own
     * in front of them while a line is being read. */
    *rll.rl_catch_signals = 0;
    *rll.rl_catch_sigwinch = 0;
    *rll.rl_readline_name = "sigvm";
    *rll.rl_instream = stdin;
    *rll.rl_outstream = stdout;
    rll.rl_initialize();
    /* As CPython: a paste must arrive line by line, so that each line of
     * a pasted block goes through the compiler's "is it complete" test. */
    rll.rl_variable_bind("enable-bracketed-paste", "off");
    rll.using_history();
    repl_complete_init(globals);
    repl_complete_bind();
    rll.rl_bind_key('\t', rd_tab);
    return 0;
}
