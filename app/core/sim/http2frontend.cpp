#include "core/sim/http2frontend.h"

#include "core/sim/http2connection.h"

#include <QDateTime>
#include <QSaveFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>

#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <unistd.h>

#include <functional>
#include <optional>

using namespace Qt::StringLiterals;

namespace Salvo {

namespace {

struct OpenSslFree
{
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
    void operator()(X509 *certificate) const { X509_free(certificate); }
    void operator()(X509_EXTENSION *extension) const { X509_EXTENSION_free(extension); }
    void operator()(BIGNUM *number) const { BN_free(number); }
    void operator()(BIO *bio) const { BIO_free(bio); }
};
template<typename T>
using OpenSslPtr = std::unique_ptr<T, OpenSslFree>;

struct Credentials
{
    QByteArray certificatePem;
    QByteArray keyPem;
};

QByteArray memoryBioContents(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_ctrl(bio, BIO_CTRL_INFO, 0, &data);
    return size > 0 && data ? QByteArray(data, qsizetype(size)) : QByteArray();
}

// A self-signed P-256 certificate for 127.0.0.1, ::1 and localhost. It is its own CA
// (basicConstraints CA:TRUE), so a client trusts it by adding it with addCaCertificates()
// rather than by ignoring TLS errors.
std::optional<Credentials> makeSelfSignedCertificate()
{
    OpenSslPtr<EVP_PKEY> key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    OpenSslPtr<X509> certificate(X509_new());
    OpenSslPtr<BIGNUM> serial(BN_new());
    if (!key || !certificate || !serial)
        return std::nullopt;
    X509 *cert = certificate.get();

    // Clients may keep a certificate file from an earlier run; a random serial keeps two
    // certificates with the same name from being mistaken for each other.
    if (!X509_set_version(cert, X509_VERSION_3)
        || !BN_rand(serial.get(), 63, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY)
        || !BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert))) {
        return std::nullopt;
    }
    // A day of slack before now tolerates a client clock that is a little behind.
    const QDateTime notBefore = QDateTime::currentDateTimeUtc().addDays(-1);
    const QDateTime notAfter = notBefore.addYears(10);
    if (!ASN1_TIME_set(X509_getm_notBefore(cert), time_t(notBefore.toSecsSinceEpoch()))
        || !ASN1_TIME_set(X509_getm_notAfter(cert), time_t(notAfter.toSecsSinceEpoch()))
        || !X509_set_pubkey(cert, key.get())) {
        return std::nullopt;
    }
    X509_NAME *name = X509_get_subject_name(cert);
    static const unsigned char commonName[] = "salvo-sim";
    if (!X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, commonName, -1, -1, 0)
        || !X509_set_issuer_name(cert, name)) {
        return std::nullopt;
    }

    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, cert, cert, nullptr, nullptr, 0);
    const std::pair<int, const char *> extensions[] = {
        {NID_basic_constraints, "critical,CA:TRUE"},
        {NID_key_usage, "critical,digitalSignature,keyCertSign"},
        {NID_ext_key_usage, "serverAuth"},
        {NID_subject_key_identifier, "hash"},
        {NID_authority_key_identifier, "keyid:always"}, // needs the subject key id above
        {NID_subject_alt_name, "IP:127.0.0.1,IP:::1,DNS:localhost"},
    };
    for (const auto &[nid, value] : extensions) {
        OpenSslPtr<X509_EXTENSION> extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value));
        if (!extension || !X509_add_ext(cert, extension.get(), -1))
            return std::nullopt;
    }
    if (X509_sign(cert, key.get(), EVP_sha256()) <= 0)
        return std::nullopt;

    OpenSslPtr<BIO> certificateBio(BIO_new(BIO_s_mem()));
    OpenSslPtr<BIO> keyBio(BIO_new(BIO_s_mem()));
    if (!certificateBio || !keyBio || !PEM_write_bio_X509(certificateBio.get(), cert)
        || !PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr,
                                     nullptr)) {
        return std::nullopt;
    }
    Credentials credentials{memoryBioContents(certificateBio.get()),
                            memoryBioContents(keyBio.get())};
    if (credentials.certificatePem.isEmpty() || credentials.keyPem.isEmpty())
        return std::nullopt;
    return credentials;
}

// Hands each accepted socket descriptor over at once, so that no pending-connection queue (and
// its limit of 30) stands between accept() and the HTTP/2 session.
class Http2Listener final : public QTcpServer
{
public:
    explicit Http2Listener(std::function<void(qintptr)> onIncoming)
        : m_onIncoming(std::move(onIncoming))
    {
    }

protected:
    void incomingConnection(qintptr descriptor) override { m_onIncoming(descriptor); }

private:
    std::function<void(qintptr)> m_onIncoming;
};

} // namespace

struct Http2Frontend::Private
{
    SimApi *api = nullptr;
    int maxConcurrentStreams = 100;
    std::optional<QSslConfiguration> tls;
    // Last, so they go first: their connections report unanswered streams to the API as they
    // close. The adopted connections came from another front end's port (see adopt()).
    std::unique_ptr<QObject> adopted = std::make_unique<QObject>();
    std::unique_ptr<Http2Listener> listener;

    void accept(qintptr descriptor, QObject *owner);
    Result<QSslConfiguration, QString> makeTlsConfiguration(const QString &certPath);
};

void Http2Frontend::Private::accept(qintptr descriptor, QObject *owner)
{
    QTcpSocket *socket = nullptr;
    QSslSocket *tlsSocket = nullptr;
    if (tls) {
        tlsSocket = new QSslSocket(owner);
        socket = tlsSocket;
    } else {
        socket = new QTcpSocket(owner);
    }
    if (!socket->setSocketDescriptor(descriptor)) {
        ::close(int(descriptor)); // the socket never owned it
        socket->deleteLater();
        return;
    }
    if (tlsSocket) {
        tlsSocket->setSslConfiguration(*tls);
        tlsSocket->startServerEncryption();
    }
    new Http2Connection(socket, api, maxConcurrentStreams, owner);
}

Result<QSslConfiguration, QString>
Http2Frontend::Private::makeTlsConfiguration(const QString &certPath)
{
    if (!QSslSocket::supportsSsl())
        return fail(Http2Frontend::tr("TLS is not available: Qt found no OpenSSL backend."));
    const std::optional<Credentials> credentials = makeSelfSignedCertificate();
    if (!credentials)
        return fail(Http2Frontend::tr("Cannot create a self-signed certificate."));
    const QSslCertificate certificate(credentials->certificatePem, QSsl::Pem);
    const QSslKey key(credentials->keyPem, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
    if (certificate.isNull() || key.isNull())
        return fail(Http2Frontend::tr("Cannot load the self-signed certificate."));

    // Only the certificate goes to disk; the key never leaves this process.
    QSaveFile file(certPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(credentials->certificatePem) < 0
        || !file.commit()) {
        return fail(Http2Frontend::tr("Cannot write the certificate to %1: %2.")
                        .arg(certPath, file.errorString()));
    }

    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(certificate);
    configuration.setPrivateKey(key);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    configuration.setAllowedNextProtocols({QSslConfiguration::ALPNProtocolHTTP2});
    return configuration;
}

Http2Frontend::Http2Frontend(SimApi *api, int maxConcurrentStreams, QObject *parent)
    : QObject(parent), d(std::make_unique<Private>())
{
    d->api = api;
    d->maxConcurrentStreams = maxConcurrentStreams;
}

Http2Frontend::~Http2Frontend() = default;

Result<quint16, QString> Http2Frontend::listen(const QHostAddress &address, quint16 port,
                                               const QString &certPath)
{
    if (d->listener)
        return fail(tr("The HTTP/2 front end is already listening."));
    Private *p = d.get();
    auto listener = std::make_unique<Http2Listener>([p](qintptr descriptor) {
        p->accept(descriptor, p->listener.get());
    });
    // Benchmarks open hundreds of connections at once; the default backlog of 50 drops SYNs.
    listener->setListenBacklogSize(1024);
    if (!listener->listen(address, port)) {
        return fail(tr("Cannot listen on %1:%2: %3.")
                        .arg(address.toString())
                        .arg(port)
                        .arg(listener->errorString()));
    }
    if (!certPath.isEmpty()) {
        auto configuration = d->makeTlsConfiguration(certPath);
        if (!configuration)
            return fail(configuration.error());
        d->tls = configuration.takeValue();
    }
    d->listener = std::move(listener);
    return d->listener->serverPort();
}

void Http2Frontend::adopt(qintptr descriptor)
{
    if (d->tls) {
        ::close(int(descriptor)); // a TLS front end has its own port
        return;
    }
    d->accept(descriptor, d->adopted.get());
}

} // namespace Salvo
