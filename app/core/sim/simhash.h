// Deterministic hashing for the simulator: the same bytes give the same number on every run,
// machine and Qt version (qHash is seeded per process, so it cannot be used here). Any thread.
#pragma once

#include <QByteArrayView>
#include <QtGlobal>

namespace Salvo::SimHash {

// splitmix64's finaliser: spreads every input bit over the whole word.
constexpr quint64 mix(quint64 x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

// FNV-1a over the bytes, then mixed: fast and stable, and quality is all a simulator needs.
inline quint64 of(QByteArrayView bytes, quint64 seed = 0)
{
    quint64 h = 0xcbf29ce484222325ULL ^ mix(seed);
    for (const char c : bytes) {
        h ^= quint8(c);
        h *= 0x100000001b3ULL;
    }
    return mix(h);
}

constexpr quint64 combine(quint64 a, quint64 b)
{
    return mix(a ^ (b + 0x9e3779b97f4a7c15ULL + (a << 6) + (a >> 2)));
}

// A uniform draw in [0, 1) fixed by its inputs.
constexpr double unit(quint64 a, quint64 b, quint64 c = 0, quint64 d = 0)
{
    const quint64 h = combine(combine(combine(a, b), c), d);
    return double(h >> 11) * (1.0 / 9007199254740992.0);
}

} // namespace Salvo::SimHash
