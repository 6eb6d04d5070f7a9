// WebhookClient over HTTPS against a receiver with a certificate made by
// the test: refused when the certificate is not trusted, or names another
// host; delivered when trusted (WebhookClientOptions::ca_file) and naming
// the host the URL names.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>

#include "notify/webhook_client.h"
#include "notify/webhook_receiver.h"

namespace kenes::notify {
namespace {

// A self-signed certificate for `name` (an IP address) and its key, as PEM files in a fresh directory.
class TestCertificate {
 public:
  explicit TestCertificate(const std::string& address) {
    directory_ = std::filesystem::temp_directory_path() / ("kenes-tls-" + std::to_string(::getpid()));
    std::filesystem::create_directories(directory_);
    EVP_PKEY* key = EVP_EC_gen("P-256");
    X509* certificate = X509_new();
    ASN1_INTEGER_set(X509_get_serialNumber(certificate), 1);
    X509_gmtime_adj(X509_getm_notBefore(certificate), -60);
    X509_gmtime_adj(X509_getm_notAfter(certificate), 3600);
    X509_set_pubkey(certificate, key);
    X509_NAME* name = X509_get_subject_name(certificate);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("kenes test"), -1, -1,
                               0);
    X509_set_issuer_name(certificate, name);
    X509V3_CTX context;
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    const std::string san = "IP:" + address;
    X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &context, NID_subject_alt_name, san.c_str());
    X509_add_ext(certificate, extension, -1);
    X509_EXTENSION_free(extension);
    X509_sign(certificate, key, EVP_sha256());
    FILE* file = std::fopen(certificate_file().c_str(), "w");
    PEM_write_X509(file, certificate);
    std::fclose(file);
    file = std::fopen(key_file().c_str(), "w");
    PEM_write_PrivateKey(file, key, nullptr, nullptr, 0, nullptr, nullptr);
    std::fclose(file);
    X509_free(certificate);
    EVP_PKEY_free(key);
  }
  ~TestCertificate() { std::filesystem::remove_all(directory_); }

  std::string certificate_file() const { return (directory_ / "cert.pem").string(); }
  std::string key_file() const { return (directory_ / "key.pem").string(); }

 private:
  std::filesystem::path directory_;
};

// Answers 200 to one HTTPS request at a time on 127.0.0.1, until destroyed.
class TlsReceiver {
 public:
  explicit TlsReceiver(const TestCertificate& certificate) {
    context_ = SSL_CTX_new(TLS_server_method());
    SSL_CTX_use_certificate_file(context_, certificate.certificate_file().c_str(), SSL_FILETYPE_PEM);
    SSL_CTX_use_PrivateKey_file(context_, certificate.key_file().c_str(), SSL_FILETYPE_PEM);
    listener_ = ListenOnLoopback(port_);
    thread_ = std::thread([this] { Serve(); });
  }
  ~TlsReceiver() {
    stopping_ = true;
    thread_.join();
    ::close(listener_);
    SSL_CTX_free(context_);
  }

  uint16_t port() const { return port_; }
  int answered() const { return answered_; }

 private:
  void Serve() {
    while (!stopping_) {
      pollfd waiting{listener_, POLLIN, 0};
      if (::poll(&waiting, 1, 50) <= 0) continue;
      int connection = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
      if (connection < 0) continue;
      SSL* tls = SSL_new(context_);
      SSL_set_fd(tls, connection);
      if (SSL_accept(tls) == 1) {
        std::string request;
        char buffer[4096];
        while (request.find("\r\n\r\n") == std::string::npos) {
          int got = SSL_read(tls, buffer, sizeof(buffer));
          if (got <= 0) break;
          request.append(buffer, static_cast<size_t>(got));
        }
        const std::string answer = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        SSL_write(tls, answer.data(), static_cast<int>(answer.size()));
        ++answered_;
        SSL_shutdown(tls);
      }
      SSL_free(tls);
      ::close(connection);
    }
  }

  SSL_CTX* context_ = nullptr;
  int listener_ = -1;
  uint16_t port_ = 0;
  std::atomic<bool> stopping_ = false;
  std::atomic<int> answered_ = 0;
  std::thread thread_;
};

WebhookUrl Url(uint16_t port) { return WebhookUrl{true, "127.0.0.1", port, "/hook"}; }

TEST(WebhookTlsTest, AnUntrustedCertificateOrOneForAnotherHostIsRefused) {
  struct Case {
    const char* certified_address;
    bool trusted;
  };
  for (const Case& c : {Case{"127.0.0.1", false}, Case{"192.0.2.1", true}}) {
    TestCertificate certificate(c.certified_address);
    TlsReceiver receiver(certificate);
    WebhookClient client(
        WebhookClientOptions{std::chrono::milliseconds(3000), c.trusted ? certificate.certificate_file() : ""});
    PostOutcome outcome = client.Post(Url(receiver.port()), {}, "{}");
    EXPECT_EQ(outcome.status, 0) << c.certified_address;
    EXPECT_NE(outcome.error.find("certificate"), std::string::npos) << outcome.error;
    EXPECT_EQ(receiver.answered(), 0);
  }
}

TEST(WebhookTlsTest, ATrustedCertificateNamingTheHostIsDeliveredTo) {
  TestCertificate certificate("127.0.0.1");
  TlsReceiver receiver(certificate);
  WebhookClient client(WebhookClientOptions{std::chrono::milliseconds(3000), certificate.certificate_file()});
  PostOutcome outcome = client.Post(Url(receiver.port()), {{"X-Test", "1"}}, "{}");
  EXPECT_EQ(outcome.status, 200) << outcome.error;
  EXPECT_EQ(receiver.answered(), 1);
}

}  // namespace
}  // namespace kenes::notify
