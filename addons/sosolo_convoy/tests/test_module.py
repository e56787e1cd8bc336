# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
from trytond.modules.sosolo_sweden.tests.translation import (
    SwedishTranslationTestMixin)
from trytond.tests.test_tryton import ModuleTestCase


class SosoloConvoyTestCase(SwedishTranslationTestMixin, ModuleTestCase):
    "Test sosolo_convoy module"
    module = 'sosolo_convoy'


del ModuleTestCase
