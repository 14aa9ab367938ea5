# Several pipes at once: select reports exactly the ready ones, in the
# order they were passed.
import os
import select

pipes = [os.pipe() for i in range(4)]
reads = [r for r, w in pipes]
os.write(pipes[1][1], b'1')
os.write(pipes[3][1], b'3')
rl, wl, xl = select.select(reads, [], [], 0)
print([reads.index(fd) for fd in rl])
rl, wl, xl = select.select(list(reversed(reads)), [], [], 0)
print([reads.index(fd) for fd in rl])
writes = [w for r, w in pipes]
rl, wl, xl = select.select(reads, writes, [], 0)
print(len(rl), len(wl), len(xl), wl == writes)
for r, w in pipes:
    os.close(r)
    os.close(w)
