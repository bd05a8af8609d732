#include "document_builder.hpp"
