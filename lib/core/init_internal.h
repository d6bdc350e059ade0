/* What other parts of the library ask of initialisation. Not installed. */
#ifndef IPL_INIT_INTERNAL_H
#define IPL_INIT_INTERNAL_H

/* Nonzero while an ipl_init() is in force (the allocator may not change
 * then). */
int ipl__library_in_use(void);

#endif /* IPL_INIT_INTERNAL_H */
