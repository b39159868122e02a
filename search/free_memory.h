// Giving freed heap memory back to the operating system. glibc's malloc keeps what a program
// frees in its arenas (one per thread that allocated, up to 8 per core) and returns only the
// top of the main heap by itself; a server whose worker threads load a new index revision now
// and then (vocabulary, facet arrays, parsed records: megabytes each time) so grows by about
// that much per revision although nothing leaks. malloc_trim(0) walks every arena and returns
// their free pages (madvise), which brought a server that had grown from 98 MB to 265 MB over
// ~120 revisions back to near its fresh size.
#pragma once

namespace algreg::search {

/// Returns the heap's free pages to the operating system (glibc: malloc_trim(0); elsewhere
/// nothing). Takes milliseconds on a large heap: call it after large frees (an index revision
/// or an as-of index let go), not per request.
void return_free_memory();

} // namespace algreg::search
