#include "file_reader.hpp"
