// Server text made fit for a terminal. Titles and snippets arrive HTML-escaped with only the
// highlight tags as markup; document text can hold any bytes, including escape sequences that
// would reprogram a terminal, so every control character is neutralised on the way out.
#pragma once

#include <string>
#include <string_view>

namespace newsdex::client {

// ANSI sequences used for emphasis (SGR bold on/off, dim on/off).
inline constexpr std::string_view kBoldOn = "\x1b[1m";
inline constexpr std::string_view kBoldOff = "\x1b[22m";
inline constexpr std::string_view kDimOn = "\x1b[2m";
inline constexpr std::string_view kDimOff = "\x1b[22m";

// Decodes the five XML entities and numeric character references (&#233; &#xE9;); anything
// else is left as written.
std::string unescape_html(std::string_view html);

// Replaces each run of C0/C1 control characters (ESC, BEL, NUL, CSI...) and whitespace with one
// space, so untrusted text stays on its line and cannot drive the terminal.
std::string one_line(std::string_view text);

// Without leading and trailing spaces.
std::string trim(std::string_view text);

// A highlighted fragment (<mark>...</mark> around matches) as terminal text: marks become bold
// when color is true and vanish otherwise; entities are decoded; controls neutralised.
std::string highlighted_text(std::string_view html, bool color,
                             std::string_view open_tag = "<mark>",
                             std::string_view close_tag = "</mark>");

// Whether stdout gets ANSI styling: only on a terminal, and never when NO_COLOR is set.
bool stdout_wants_color();

}  // namespace newsdex::client
