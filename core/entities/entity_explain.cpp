#include "entity_explain.hpp"

#include <algorithm>
#include <sstream>

namespace newsdex {

std::string explain_document(const Article& article, const std::string& lang,
                             const std::vector<std::string>& langs,
                             const std::vector<Entity>& entities) {
  std::ostringstream out;
  out << "title:     " << article.title << '\n';
  out << "date:      " << (article.date ? article.date->iso() : std::string("(none)")) << '\n';
  out << "byline:    " << (article.byline.empty() ? std::string("(none)") : article.byline) << '\n';
  out << "language:  " << (lang.empty() ? std::string("(unknown)") : lang);
  if (langs.size() > 1) {
    out << " (spans:";
    for (const auto& l : langs) out << ' ' << l;
    out << ')';
  }
  out << '\n';
  for (EntityType type : {EntityType::person, EntityType::org, EntityType::place}) {
    std::vector<const Entity*> list;
    for (const Entity& e : entities) {
      if (e.type == type) list.push_back(&e);
    }
    std::stable_sort(list.begin(), list.end(),
                     [](auto* a, auto* b) { return a->count() > b->count(); });
    out << to_string(type) << " (" << list.size() << "):\n";
    for (const Entity* e : list) {
      out << "  " << e->name << "  x" << e->count() << "  as: ";
      const auto surfaces = e->surfaces();
      for (std::size_t i = 0; i < surfaces.size(); ++i)
        out << (i ? ", " : "") << '"' << surfaces[i] << '"';
      out << '\n';
    }
  }
  return out.str();
}

}  // namespace newsdex
