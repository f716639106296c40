#pragma once
// SHA-256 through OpenSSL: the identity of every stored input and page.
#include <memory>
#include <span>
#include <string>

struct evp_md_ctx_st;  // OpenSSL's EVP_MD_CTX

namespace intake {

// Lower-case hex digest.
std::string sha256_hex(std::span<const unsigned char> bytes);

// Incremental form, for hashing an image row by row without copying it.
class Sha256 {
 public:
  Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void update(std::span<const unsigned char> bytes);
  std::string hex_digest();  // finishes the hash; call once

 private:
  struct ContextDeleter {
    void operator()(evp_md_ctx_st* ctx) const;
  };
  std::unique_ptr<evp_md_ctx_st, ContextDeleter> ctx_;
};

}  // namespace intake
