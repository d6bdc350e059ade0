/* Replays fuzz inputs through a target without libFuzzer: the files and
 * directories named on the command line, or else the target's corpora
 * (IPLT_FUZZ_CORPORA, ':'-separated, absolute or relative to
 * $IPL_SRCDIR). */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

static int
replay_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    uint8_t *data = NULL;
    long size;

    if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 ||
        fseek(f, 0, SEEK_SET) != 0 ||
        (data = malloc((size_t)size + 1)) == NULL ||
        fread(data, 1, (size_t)size, f) != (size_t)size) {
        fprintf(stderr, "fuzz replay: cannot read %s\n", path);
        if (f != NULL)
            fclose(f);
        free(data);
        return -1;
    }
    fclose(f);
    LLVMFuzzerTestOneInput(data, (size_t)size);
    free(data);
    return 1;
}

/* Replays a file, or every file below a directory; returns how many
 * inputs ran, or −1. */
static int
replay(const char *path)
{
    struct stat st;
    struct dirent *e;
    DIR *dir;
    int n = 0;

    if (stat(path, &st) != 0) {
        fprintf(stderr, "fuzz replay: %s does not exist\n", path);
        return -1;
    }
    if (!S_ISDIR(st.st_mode))
        return replay_file(path);
    if ((dir = opendir(path)) == NULL)
        return -1;
    while ((e = readdir(dir)) != NULL) {
        char child[4096];
        int r;

        if (e->d_name[0] == '.')
            continue;
        snprintf(child, sizeof child, "%s/%s", path, e->d_name);
        if (stat(child, &st) != 0 ||
            (!S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)))
            continue;
        if ((r = replay(child)) < 0) {
            closedir(dir);
            return -1;
        }
        n += r;
    }
    closedir(dir);
    return n;
}

int
main(int argc, char **argv)
{
    const char *srcdir = getenv("IPL_SRCDIR");
    char corpora[] = IPLT_FUZZ_CORPORA, *dir, *save = NULL;
    int i, n, total = 0;

    LLVMFuzzerInitialize(&argc, &argv);
    for (i = 1; i < argc; i++) {
        if ((n = replay(argv[i])) < 0)
            return EXIT_FAILURE;
        total += n;
    }
    if (argc == 1) {
        for (dir = strtok_r(corpora, ":", &save); dir != NULL;
             dir = strtok_r(NULL, ":", &save)) {
            char path[4096];

            if (dir[0] == '/')
                snprintf(path, sizeof path, "%s", dir);
            else
                snprintf(path, sizeof path, "%s/%s",
                         srcdir != NULL ? srcdir : ".", dir);
            if ((n = replay(path)) < 0)
                return EXIT_FAILURE;
            total += n;
        }
    }
    printf("%s: %d inputs replayed\n", argv[0], total);
    return total > 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
