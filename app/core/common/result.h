// Result<T, E>: a value or an error, returned by code that can fail (nothing in Salvo throws).
// Any thread; a plain value type.
#pragma once

#include <utility>
#include <variant>

namespace Salvo {

template<typename E>
struct Failure
{
    E error;
};

template<typename E>
Failure<std::decay_t<E>> fail(E &&error)
{
    return {std::forward<E>(error)};
}

template<typename T, typename E>
class [[nodiscard]] Result
{
public:
    // A default-constructed Result reads as an error, so a forgotten assignment never looks ok.
    Result() : m_data(std::in_place_index<1>, E{}) {}
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) {}
    template<typename F>
    Result(Failure<F> failure) : m_data(std::in_place_index<1>, E(std::move(failure.error)))
    {
    }

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_data); }
    T &value() & { return std::get<0>(m_data); }
    T takeValue() { return std::move(std::get<0>(m_data)); }
    const E &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, E> m_data;
};

} // namespace Salvo
