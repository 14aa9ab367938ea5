# Several threads write lines to one file object whose descriptor is a
# pipe, while the main thread drains the pipe.  A flush blocks on the full
# pipe with the GIL released, so other threads write meanwhile: every line
# must arrive whole, none lost or duplicated.
import os
import threading

r, w = os.pipe()
out = open(w, 'w')
lines_per_thread = 3000
nthreads = 4


def writer(k):
    for i in range(lines_per_thread):
        out.write('%d:%d\n' % (k, i))
        if i % 100 == 0:
            out.flush()


threads = [threading.Thread(target=writer, args=(k,)) for k in range(nthreads)]
for t in threads:
    t.start()


def closer():
    for t in threads:
        t.join()
    out.close()


c = threading.Thread(target=closer)
c.start()
data = b''
while True:
    chunk = os.read(r, 4096)
    if not chunk:
        break
    data += chunk
c.join()
got = data.decode().split('\n')
print('last line empty:', got[-1] == '')
got = got[:-1]
print('lines:', len(got))
seen = set(got)
print('distinct:', len(seen))
expected = set('%d:%d' % (k, i) for k in range(nthreads)
               for i in range(lines_per_thread))
print('all present:', seen == expected)
