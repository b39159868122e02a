#include "search/free_memory.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace algreg::search {

void return_free_memory() {
#if defined(__GLIBC__)
    (void)malloc_trim(0);
#endif
}

} // namespace algreg::search
