#include "segmenter.hpp"
