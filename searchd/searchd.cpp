// placeholder until the search server lands
