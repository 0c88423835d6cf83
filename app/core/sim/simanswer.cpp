#include "core/sim/simanswer.h"

#include "core/sim/simconfig.h"
#include "core/sim/simhash.h"

#include <array>

using namespace Qt::StringLiterals;

namespace Salvo::SimAnswer {

namespace {
constexpr std::array<const char *, 32> Words = {
    "the",     "ticket",  "reports", "a",      "billing", "issue",  "with",    "clear",
    "steps",   "and",     "tone",    "is",     "neutral", "so",     "route",   "it",
    "to",      "support", "priority","medium", "summary", "follows","customer","asks",
    "about",   "refund",  "delivery","late",   "product", "works",  "well",    "overall"};
constexpr quint64 TokenSalt = 0x746f6b656e73ULL;
constexpr quint64 WordSalt = 0x776f726473ULL;
} // namespace

QByteArray promptText(const QString &system, const QStringList &messages)
{
    QString text;
    if (!system.isEmpty())
        text = system + QChar(0x241E);
    text += messages.join(QChar(0x241E));
    return text.toUtf8();
}

int inputTokens(const QByteArray &promptText, int messageCount)
{
    return int((promptText.size() + 3) / 4) + 3 * messageCount;
}

int naturalOutputTokens(const QByteArray &promptText, const SimConfig &config)
{
    if (config.outputTokens > 0)
        return config.outputTokens;
    const int span = config.maxOutputTokens - config.minOutputTokens + 1;
    const quint64 h = SimHash::of(promptText, TokenSalt);
    return config.minOutputTokens + int(h % quint64(span));
}

QString answerText(const QByteArray &promptText, int tokens)
{
    const quint64 h = SimHash::of(promptText, WordSalt);
    QString text = u"[%1]"_s.arg(h & 0xffffffffULL, 8, 16, QChar(u'0'));
    quint64 state = h;
    for (int i = 1; i < tokens; ++i) {
        state = SimHash::mix(state);
        text += QChar(u' ');
        text += QLatin1StringView(Words[state % Words.size()]);
    }
    return text;
}

} // namespace Salvo::SimAnswer
