/**
 * @file export.h
 * @brief The WETEE_API export macro: libwetee is built with hidden symbol
 *        visibility and exports exactly the functions marked with it.
 */
#ifndef WETEE_EXPORT_H
#define WETEE_EXPORT_H

#if defined(_WIN32) && !defined(WETEE_STATIC)
#  ifdef WETEE_BUILDING
#    define WETEE_API __declspec(dllexport)
#  else
#    define WETEE_API __declspec(dllimport)
#  endif
#elif defined(__GNUC__) || defined(__clang__)
#  define WETEE_API __attribute__((visibility("default")))
#else
#  define WETEE_API
#endif

#endif /* WETEE_EXPORT_H */
