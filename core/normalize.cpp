#include "normalize.hpp"
