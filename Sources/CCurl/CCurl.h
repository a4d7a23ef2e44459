#ifndef C_CURL_H
#define C_CURL_H
#include <curl/curl.h>

/* curl_easy_setopt is variadic, which Swift cannot call: one typed wrapper per kind of value. */
static inline CURLcode refchart_curl_string(CURL *curl, CURLoption option, const char *value) {
    return curl_easy_setopt(curl, option, value);
}
static inline CURLcode refchart_curl_long(CURL *curl, CURLoption option, long value) {
    return curl_easy_setopt(curl, option, value);
}
static inline CURLcode refchart_curl_list(CURL *curl, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(curl, option, value);
}
static inline CURLcode refchart_curl_reader(CURL *curl, size_t (*read)(char *, size_t, size_t, void *), void *data) {
    CURLcode code = curl_easy_setopt(curl, CURLOPT_READFUNCTION, read);
    return code != CURLE_OK ? code : curl_easy_setopt(curl, CURLOPT_READDATA, data);
}
static inline CURLcode refchart_curl_info_long(CURL *curl, CURLINFO info, long *value) {
    return curl_easy_getinfo(curl, info, value);
}
#endif
