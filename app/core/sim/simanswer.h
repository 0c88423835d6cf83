// SimAnswer: the simulator's deterministic model: token counts for a prompt, and the answer text a
// prompt always gets. Public so tests can check every output exactly. Pure functions; any thread.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Salvo {

struct SimConfig;

namespace SimAnswer {

// The canonical text of a conversation: the system prompt (if any), then each message's text,
// separated by U+241E. A single user message with no system prompt is just its text.
QByteArray promptText(const QString &system, const QStringList &messages);

// About four bytes of UTF-8 per token, plus three per message for the chat framing.
int inputTokens(const QByteArray &promptText, int messageCount);

// How many tokens the answer has before max_tokens cuts it.
int naturalOutputTokens(const QByteArray &promptText, const SimConfig &config);

// The answer: exactly `tokens` words, the first a tag derived from the prompt's hash.
QString answerText(const QByteArray &promptText, int tokens);

} // namespace SimAnswer
} // namespace Salvo
