#pragma once
// RAII owners for the GMime and GLib objects the mail layer creates, and GMime's one-time initialisation.
// GMime is safe to use from several threads once initialised, as long as each object stays on one thread.
#include <gmime/gmime.h>

#include <memory>
#include <string>

namespace intake {

struct GObjectUnref {
  void operator()(void* object) const { g_object_unref(object); }
};
template <class T>
using GObjectPtr = std::unique_ptr<T, GObjectUnref>;

struct GFree {
  void operator()(void* memory) const { g_free(memory); }
};
using GStringPtr = std::unique_ptr<char, GFree>;

struct ParserOptionsFree {
  void operator()(GMimeParserOptions* options) const { g_mime_parser_options_free(options); }
};
using ParserOptionsPtr = std::unique_ptr<GMimeParserOptions, ParserOptionsFree>;

// Calls g_mime_init exactly once per process (std::call_once); every entry point into GMime calls it first.
void ensure_gmime_initialised();

// Copies a string GLib allocated and frees it; "" for null.
std::string take_g_string(char* owned);

}  // namespace intake
