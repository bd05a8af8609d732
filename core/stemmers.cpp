#include "stemmers.hpp"
