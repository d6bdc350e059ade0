/* taus2 seeding and the ziggurat's slow paths (lib/value/rng_internal.h). */
#include <math.h>

#include "rng_internal.h"

/* Where the base layer's rectangle ends and the tail begins. */
#define ZIGGURAT_R 3.442619855899

void
ipl__rng_seed(ipl__rng *r, uint32_t seed)
{
    int i;

    /* GSL's taus2_set(): an LCG fills the words, each kept above the
     * bits its recurrence discards, then six steps of warming up. */
    if (seed == 0)
        seed = 1;
    r->s1 = 69069u * seed;
    if (r->s1 < 2)
        r->s1 += 2;
    r->s2 = 69069u * r->s1;
    if (r->s2 < 8)
        r->s2 += 8;
    r->s3 = 69069u * r->s2;
    if (r->s3 < 16)
        r->s3 += 16;
    for (i = 0; i < 6; i++)
        ipl__rng_next(r);
}

/* Beyond r, by Marsaglia's method for the normal tail: x = −ln(U₁)/r,
 * accepted when −2 ln(U₂) ≥ x²; then r + x. */
static double
tail(ipl__rng *r)
{
    double x, y;

    do {
        x = -log(ipl__rng_uniform_pos(r)) / ZIGGURAT_R;
        y = -log(ipl__rng_uniform_pos(r));
    } while (y + y < x * x);
    return ZIGGURAT_R + x;
}

double
ipl__rng_normal_slow(ipl__rng *r, uint32_t u)
{
    const ipl__ziggurat *z = &ipl__ziggurat_normal;

    for (;;) {
        uint32_t i = u & 0x7f, j = u >> 8;
        double x = (double)j * z->w[i];

        if (j < z->k[i])
            return ipl__rng_signed(x, u);
        if (i == 0)
            return ipl__rng_signed(tail(r), u);
        /* In layer i's wedge: under the curve with the chance the
         * density leaves between the layer's edges. */
        if (z->y[i] + ipl__rng_uniform_pos(r) * (z->y[i - 1] - z->y[i]) < exp(-0.5 * x * x))
            return ipl__rng_signed(x, u);
        u = ipl__rng_next(r);
    }
}
