/**
 * @file ipledge/right.h
 * @brief Kinds of intellectual-property right and their legal status.
 * @defgroup ipl_right Rights
 *
 * The vocabulary every layer shares when it speaks of a pledged right:
 * what kind of right it is and whether it is in force. Names are the
 * stable spellings used in policy files, case files and reports.
 * @{
 */
#ifndef IPL_RIGHT_H
#define IPL_RIGHT_H

#include "ipledge/common.h"
#include "ipledge/error.h"

IPL_BEGIN_DECL

/** A kind of intellectual-property right. */
typedef enum ipl_right_type {
    IPL_RIGHT_NONE = 0,          /**< not given: an error wherever a kind is needed */
    IPL_RIGHT_INVENTION,         /**< invention patent (发明专利); "invention" */
    IPL_RIGHT_UTILITY_MODEL,     /**< utility model (实用新型); "utility-model" */
    IPL_RIGHT_DESIGN,            /**< design patent or registered design (外观设计); "design" */
    IPL_RIGHT_PLANT,             /**< plant patent or plant variety right; "plant" */
    IPL_RIGHT_TRADEMARK,         /**< registered trademark (注册商标); "trademark" */
    IPL_RIGHT_COPYRIGHT,         /**< (software) copyright (著作权); "copyright" */
    IPL_RIGHT_GEOGRAPHICAL,      /**< geographical indication (地理标志); "geographical-indication" */
    IPL_RIGHT_IC_LAYOUT          /**< integrated-circuit layout design (集成电路布图设计); "ic-layout" */
} ipl_right_type;

/** One more than the largest ::ipl_right_type value: the size of a table by kind. */
#define IPL_RIGHT_TYPE_COUNT 9

/** Whether a right is in force, as far as the record or the appraiser says. */
typedef enum ipl_legal_status {
    IPL_STATUS_UNKNOWN = 0,      /**< not known; "unknown" */
    IPL_STATUS_PENDING,          /**< applied for, not granted or registered; "pending" */
    IPL_STATUS_IN_FORCE,         /**< granted or registered and maintained; "in-force" */
    IPL_STATUS_LAPSED,           /**< lapsed (fees unpaid, not renewed); "lapsed" */
    IPL_STATUS_EXPIRED,          /**< end of its statutory term; "expired" */
    IPL_STATUS_REVOKED           /**< invalidated, revoked or cancelled; "revoked" */
} ipl_legal_status;

/**
 * The stable name of a kind of right.
 *
 * @param type  the kind.
 * @return borrowed static text such as "utility-model"; NULL for
 *         #IPL_RIGHT_NONE or an unknown value.
 */
IPL_EXTERN(const char *) ipl_right_type_name(ipl_right_type type);

/**
 * Finds a kind of right by its stable name (exact, lower case).
 *
 * @param[out] out  receives the kind.
 * @param name      NUL-terminated name, e.g. "invention".
 * @param[out] err  optional; filled on failure (where: "right").
 * @return #IPL_OK, or #IPL_EINVAL (NULL pointer, unknown name).
 */
IPL_EXTERN(int) ipl_right_type_from_name(ipl_right_type *out, const char *name,
                                         ipl_error *err) IPL_WARN_UNUSED;

/**
 * The stable name of a legal status.
 *
 * @param status  the status.
 * @return borrowed static text such as "in-force"; NULL for an unknown value.
 */
IPL_EXTERN(const char *) ipl_legal_status_name(ipl_legal_status status);

/**
 * Finds a legal status by its stable name (exact, lower case).
 *
 * @param[out] out  receives the status.
 * @param name      NUL-terminated name, e.g. "lapsed".
 * @param[out] err  optional; filled on failure (where: "status").
 * @return #IPL_OK, or #IPL_EINVAL (NULL pointer, unknown name).
 */
IPL_EXTERN(int) ipl_legal_status_from_name(ipl_legal_status *out,
                                           const char *name, ipl_error *err)
    IPL_WARN_UNUSED;

IPL_END_DECL

/** @} */
#endif /* IPL_RIGHT_H */
