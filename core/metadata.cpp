#include "metadata.hpp"
