# An uncaught ItimerError prints its qualified name signal.itimer_error.
import signal

print('arming')
signal.setitimer(signal.ITIMER_REAL, -1)
